package dev.canopy.commissions;

import dev.canopy.commissions.internal.CommissionEngine;
import dev.canopy.commissions.internal.CommissionSource;
import dev.canopy.commissions.internal.CommissionTable;
import dev.canopy.commissions.internal.FraudSettingsTable;
import dev.canopy.commissions.internal.PartnerFraudFacts;
import dev.canopy.commissions.internal.Refunds;
import dev.canopy.commissions.internal.SourceTable;
import dev.canopy.deals.DealWon;
import dev.canopy.ledger.Ledger;
import dev.canopy.ledger.PostingView;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.ConversionAttributed;
import dev.canopy.tracking.ConversionKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commissions from conversions and won deals, priced by the programme's rules, and read by finance and by each partner
 * (its own); what finance then does with them is {@link CommissionReview}.
 */
@Service
public class Commissions {

    private static final int PAGE = 50;

    private final SourceTable sources;
    private final CommissionTable commissions;
    private final CommissionEngine engine;
    private final PartnerFraudFacts partnerFacts;
    private final Refunds refunds;
    private final FraudSettingsTable fraud;
    private final Ledger ledger;
    private final Partners partners;
    private final Programs programs;
    private final Memberships memberships;
    private final CurrentWorkspace currentWorkspace;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Commissions(
            SourceTable sources,
            CommissionTable commissions,
            CommissionEngine engine,
            PartnerFraudFacts partnerFacts,
            Refunds refunds,
            FraudSettingsTable fraud,
            Ledger ledger,
            Partners partners,
            Programs programs,
            Memberships memberships,
            CurrentWorkspace currentWorkspace,
            ApplicationEventPublisher events,
            Clock clock) {
        this.sources = sources;
        this.commissions = commissions;
        this.engine = engine;
        this.partnerFacts = partnerFacts;
        this.refunds = refunds;
        this.fraud = fraud;
        this.ledger = ledger;
        this.partners = partners;
        this.programs = programs;
        this.memberships = memberships;
        this.currentWorkspace = currentWorkspace;
        this.events = events;
        this.clock = clock;
    }

    /** An attributed lead, sale or refund; churn earns and costs nothing. Replays add nothing. */
    @Transactional
    public void record(ConversionAttributed c) {
        if (c.kind() == ConversionKind.CHURN) {
            return;
        }
        CommissionSource source = CommissionSource.of(c, tierOf(c.program(), c.partner()));
        receive(c.workspace(), source);
    }

    /** A won deal: a referral fee on first-year contract value, or a reseller margin on list price. */
    @Transactional
    public void record(DealWon won) {
        receive(won.workspace(), CommissionSource.of(won, tierOf(won.program(), won.partner())));
    }

    private UUID tierOf(ProgramId program, PartnerId partner) {
        return memberships.list(program, partner).stream()
                .map(MembershipView::tierId)
                .filter(t -> t != null)
                .findFirst()
                .orElse(null);
    }

    private void receive(WorkspaceId workspace, CommissionSource source) {
        if (source.kind() == CommissionSource.Kind.REFUND) {
            sources.lockRefunds(workspace);
        }
        Instant now = clock.instant();
        if (!sources.insert(workspace, source, now)) {
            return;
        }
        if (source.kind() == CommissionSource.Kind.REFUND) {
            refunds.giveBack(
                    workspace,
                    new SourceTable.Refund(
                            source.id(),
                            source.reverses(),
                            source.amount().amount(),
                            source.amount().currencyCode(),
                            source.occurredAt()),
                    now);
        } else {
            price(workspace, List.of(source.id()), now);
        }
    }

    /** Prices sources (all of the workspace's when null); answers how many commissions were made. */
    @Transactional
    public int price(WorkspaceId workspace, Collection<UUID> sourceIds, Instant now) {
        List<CommissionEngine.ProgramFacts> programFacts = programs.all(workspace).stream()
                .map(p -> {
                    Currency currency = Currency.getInstance(p.reward().currency());
                    return new CommissionEngine.ProgramFacts(
                            p.id().value(),
                            currency.getCurrencyCode(),
                            Math.max(currency.getDefaultFractionDigits(), 0),
                            p.holdPeriodDays());
                })
                .toList();
        List<CommissionEngine.Made> made = engine.price(
                workspace, programFacts, partnerFacts.of(workspace, sourceIds), fraud.get(workspace), sourceIds, now);
        for (CommissionEngine.Made m : made) {
            events.publishEvent(new CommissionEarned(
                    workspace,
                    new CommissionId(m.id()),
                    m.partner(),
                    m.program(),
                    CommissionKind.EARNED,
                    m.status(),
                    m.amount(),
                    null,
                    m.occurredAt()));
        }
        // Refunds that came before these sales were priced are given back now.
        refunds.giveBackWaiting(workspace, sourceIds, now);
        return made.size();
    }

    /** Prices the sources that made no commission yet (waiting for an exchange rate, say). */
    @Transactional
    public int priceWaiting(WorkspaceId workspace, Instant now) {
        List<UUID> waiting = sources.withoutCommissions(workspace);
        return waiting.isEmpty() ? 0 : price(workspace, waiting, now);
    }

    public record Page(List<CommissionView> items, String next) {}

    @Transactional(readOnly = true)
    public Page list(CommissionFilter filter) {
        return list(filter, PAGE);
    }

    /** A page of at most {@code limit} commissions. */
    @Transactional(readOnly = true)
    public Page list(CommissionFilter filter, int limit) {
        requireCursor(filter.after());
        WorkspaceId workspace = currentWorkspace.id();
        List<CommissionView> found =
                commissions.list(workspace, filter, limit + 1, partnerNames(workspace), programNames(workspace));
        String next = found.size() > limit ? found.get(limit - 1).id().toString() : null;
        return new Page(found.subList(0, Math.min(limit, found.size())), next);
    }

    @Transactional(readOnly = true)
    public CommissionView get(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        CommissionView found = commissions
                .get(workspace, id, partnerNames(workspace), programNames(workspace))
                .orElseThrow(() -> new NotFoundException("Commission"));
        return found;
    }

    /** The ledger's postings about one commission of the workspace, oldest first. */
    @Transactional(readOnly = true)
    public List<PostingView> postings(UUID id) {
        get(id);
        return ledger.postingsAbout(currentWorkspace.id(), id);
    }

    /** The commissions a payout run pays one partner in one currency: the lines of its statement. */
    @Transactional(readOnly = true)
    public List<CommissionView> inPayout(UUID run, PartnerId partner, String currency) {
        WorkspaceId workspace = currentWorkspace.id();
        return commissions.inRun(workspace, run, partner, currency, partnerNames(workspace), programNames(workspace));
    }

    /** The signed-in partner user's own commissions, newest first; {@code after} is the cursor. */
    @Transactional(readOnly = true)
    public Page mine(UUID after) {
        if (!(currentWorkspace.principal().orElseThrow() instanceof PartnerScoped partner)) {
            throw new AccessDeniedException("Only partner users have commissions of their own");
        }
        return list(new CommissionFilter(
                null, new PartnerId(partner.partnerId()), null, after == null ? null : after.toString()));
    }

    /** A commission's totals by status, for the signed-in partner (its own) or staff (the workspace's). */
    @Transactional(readOnly = true)
    public List<StatusTotal> totals(PartnerId partner) {
        return commissions.totals(currentWorkspace.id(), partner).stream()
                .map(t -> new StatusTotal(t.status(), t.amount(), t.count()))
                .toList();
    }

    public record StatusTotal(CommissionStatus status, Money amount, long count) {}

    private static void requireCursor(String after) {
        if (after == null) {
            return;
        }
        try {
            UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "Use the cursor a previous page gave");
        }
    }

    private Function<PartnerId, String> partnerNames(WorkspaceId workspace) {
        Map<PartnerId, String> cache = new HashMap<>();
        return id -> cache.computeIfAbsent(
                id,
                k -> partners.byIds(List.of(k)).stream()
                        .findFirst()
                        .map(PartnerView::name)
                        .orElse(k.toString()));
    }

    private Function<ProgramId, String> programNames(WorkspaceId workspace) {
        Map<ProgramId, String> names =
                programs.all(workspace).stream().collect(Collectors.toMap(ProgramView::id, ProgramView::name));
        return id -> names.getOrDefault(id, id.toString());
    }
}
