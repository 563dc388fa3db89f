package dev.canopy.tracking.internal;

import dev.canopy.deals.Deals;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.AttributionSignal;
import dev.canopy.tracking.IncomingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Every piece of evidence that names a partner for an event: an approved (or won) deal registration
 * for the customer's domain, the click it carries (within its programme's window; under first click,
 * the visitor's first), a partner ref, a coupon code; and why the others did not count.
 */
@Component
class AttributionSignals {

    // Clocks disagree: a click stamped by Canopy may look a little later than a sale stamped elsewhere.
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The candidates for the policy, and what to say when there are none. */
    record Gathered(List<AttributionPolicy.Candidate> candidates, List<String> notes) {

        String whyNone() {
            return notes.isEmpty()
                    ? "No click id, partner ref, coupon code or approved deal registration for this customer"
                    : String.join("; ", notes);
        }
    }

    private final ClickTable clicks;
    private final CouponTable coupons;
    private final RefTable refs;
    private final Deals deals;
    private final ProgramPolicyTable policies;
    private final Programs programs;
    private final Memberships memberships;

    AttributionSignals(
            ClickTable clicks,
            CouponTable coupons,
            RefTable refs,
            Deals deals,
            ProgramPolicyTable policies,
            Programs programs,
            Memberships memberships) {
        this.clicks = clicks;
        this.coupons = coupons;
        this.refs = refs;
        this.deals = deals;
        this.policies = policies;
        this.programs = programs;
        this.memberships = memberships;
    }

    Gathered gather(WorkspaceId workspace, String customerDomain, IncomingEvent event) {
        List<AttributionPolicy.Candidate> candidates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant at = event.occurredAt();
        if (customerDomain != null) {
            deals.protecting(workspace, customerDomain, at)
                    .ifPresent(deal -> candidates.add(new AttributionPolicy.Candidate(
                            AttributionSignal.DEAL,
                            deal.partner(),
                            deal.program(),
                            deal.approvedAt(),
                            null,
                            null,
                            deal.dealId())));
        }
        clickCandidate(workspace, event, notes).ifPresent(candidates::add);
        if (event.partnerRef() != null) {
            Optional<PartnerId> partner =
                    refs.partnerOf(workspace, event.partnerRef().strip().toLowerCase(Locale.ROOT));
            Optional<ProgramId> program = partner.flatMap(
                    p -> memberships.programsOf(workspace, p).stream().findFirst());
            if (program.isPresent()) {
                candidates.add(new AttributionPolicy.Candidate(
                        AttributionSignal.REF, partner.get(), program.get(), at, null, null, null));
            } else {
                notes.add("Partner ref " + event.partnerRef() + " names no partner in a programme");
            }
        }
        if (event.couponCode() != null) {
            String code = event.couponCode().strip().toUpperCase(Locale.ROOT);
            Optional<CouponTable.Row> coupon = coupons.find(workspace, code).filter(c -> !c.disabled());
            if (coupon.isPresent()) {
                candidates.add(new AttributionPolicy.Candidate(
                        AttributionSignal.COUPON,
                        coupon.get().partner(),
                        coupon.get().program(),
                        at,
                        null,
                        code,
                        null));
            } else {
                notes.add("Coupon " + code + " is not an active partner coupon");
            }
        }
        return new Gathered(candidates, notes);
    }

    /** The click the event names, within its programme's window; under first click, the visitor's first. */
    private Optional<AttributionPolicy.Candidate> clickCandidate(
            WorkspaceId workspace, IncomingEvent event, List<String> notes) {
        if (event.clickId() == null) {
            return Optional.empty();
        }
        Optional<UUID> id = ClickIds.parse(event.clickId());
        Optional<ClickTable.StoredClick> click = id.flatMap(c -> clicks.find(workspace, c));
        if (click.isEmpty()) {
            notes.add("Click " + event.clickId() + " is not a click on one of this workspace's links");
            return Optional.empty();
        }
        ClickTable.StoredClick found = click.get();
        ProgramId program = new ProgramId(found.programId());
        int windowDays = programs.find(workspace, program)
                .map(ProgramView::attributionWindowDays)
                .orElse(90);
        Instant windowStart = event.occurredAt().minus(Duration.ofDays(windowDays));
        if (found.at().isBefore(windowStart)) {
            notes.add("Click " + found.id() + " of " + found.at() + " is outside the programme's " + windowDays
                    + "-day attribution window");
            return Optional.empty();
        }
        if (found.at().isAfter(event.occurredAt().plus(CLOCK_SKEW))) {
            notes.add("Click " + found.id() + " came after the event");
            return Optional.empty();
        }
        if (policies.of(workspace, program).firstClick()) {
            found = clicks.firstOfVisitor(workspace, found.visitor(), found.programId(), windowStart)
                    .orElse(found);
        }
        return Optional.of(new AttributionPolicy.Candidate(
                AttributionSignal.CLICK,
                new PartnerId(found.partnerId()),
                program,
                found.at(),
                found.id(),
                null,
                null));
    }
}
