package dev.canopy.deals;

import dev.canopy.audit.AuditLog;
import dev.canopy.deals.internal.BusinessDays;
import dev.canopy.deals.internal.ConflictFinder;
import dev.canopy.deals.internal.ConflictTable;
import dev.canopy.deals.internal.DealChecks;
import dev.canopy.deals.internal.DealSettingsTable;
import dev.canopy.deals.internal.ProtectionTable;
import dev.canopy.deals.internal.RegistrationGate;
import dev.canopy.deals.internal.RegistrationGuards;
import dev.canopy.deals.internal.RegistrationLifecycle;
import dev.canopy.deals.internal.RegistrationTable;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.platform.RegistrableDomain;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.MyProgram;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deal registration: partners register opportunities, the conflict check runs as they are written,
 * staff approve (granting the programme's protection) or reject within the review clock, and an approved deal
 * moves through stages and may be extended. How it ends, won or lost, is {@link DealOutcomes}.
 */
@Service
public class Deals {

    private final RegistrationTable registrations;
    private final ProtectionTable protections;
    private final ConflictTable conflicts;
    private final ConflictFinder finder;
    private final DealSettingsTable settings;
    private final DealRules dealRules;
    private final RegistrationGate gate;
    private final Partners partners;
    private final Programs programs;
    private final Memberships memberships;
    private final Workspaces workspaces;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Deals(
            RegistrationTable registrations,
            ProtectionTable protections,
            ConflictTable conflicts,
            ConflictFinder finder,
            DealSettingsTable settings,
            DealRules dealRules,
            RegistrationGate gate,
            Partners partners,
            Programs programs,
            Memberships memberships,
            Workspaces workspaces,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.registrations = registrations;
        this.protections = protections;
        this.conflicts = conflicts;
        this.finder = finder;
        this.settings = settings;
        this.dealRules = dealRules;
        this.gate = gate;
        this.partners = partners;
        this.programs = programs;
        this.memberships = memberships;
        this.workspaces = workspaces;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The signed-in partner user registers an opportunity under one of its company's programmes. The
     * conflicts found are stored with it for the reviewer; the review clock starts now.
     */
    @Transactional
    public DealView register(NewDeal deal) {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId partner = partner();
        Instant now = DatabaseTime.now(clock);
        Map<ProgramId, ProgramView> mine =
                memberships.mine().stream().map(MyProgram::program).collect(Collectors.toMap(ProgramView::id, p -> p));
        ZoneId zone = zone();
        RegistrationTable.Checked checked =
                DealChecks.check(deal, partner, mine.keySet(), LocalDate.ofInstant(now, zone));
        gate.requireOpen(workspace, mine.get(checked.program()), partner, now);
        Instant due = BusinessDays.after(now, settings.clocks(workspace).reviewBusinessDays(), zone);
        registrations.insert(workspace, checked, currentWorkspace.actor().name(), now, due);
        List<DealConflict> found = finder.find(workspace, checked.domain(), checked.accountName(), checked.id());
        conflicts.insert(workspace, checked.id(), found);
        // The earlier registration's reviewer sees the newcomer too.
        for (DealConflict c : found) {
            if (c.source() == DealConflict.Source.REGISTRATION) {
                conflicts.insert(
                        workspace,
                        UUID.fromString(c.matchedRef()),
                        List.of(new DealConflict(
                                DealConflict.Source.REGISTRATION,
                                checked.id().toString(),
                                checked.accountName(),
                                checked.domain(),
                                DealStatus.PENDING.name(),
                                c.matchedBy(),
                                c.similarity())));
            }
        }
        events.publishEvent(new DealRegistered(
                workspace,
                new DealId(checked.id()),
                partner,
                checked.program(),
                checked.accountName(),
                checked.domain(),
                checked.amount(),
                now));
        DealView created = get(checked.id());
        audit.record("deals.registered", "deal", created.id(), null, created);
        return created;
    }

    /**
     * What a partner may learn while typing a web address: its registrable domain and whether the account
     * is known already — registered, or a customer or open opportunity of the vendor as far as the sharing
     * level shows the vendor's list — never whose it is.
     */
    @Transactional(readOnly = true)
    public Optional<DomainHint> hint(String website) {
        PartnerId partner = partner();
        return RegistrableDomain.of(website)
                .map(domain -> new DomainHint(domain, finder.domainKnown(currentWorkspace.id(), domain, partner)));
    }

    /** A registrable domain as typed, and whether registering it would conflict. */
    public record DomainHint(String domain, boolean known) {}

    /** Registrations, newest first; a partner user sees only its own company's. */
    @Transactional(readOnly = true)
    public DealPage search(DealQuery query) {
        UUID after = cursor(query.cursor());
        DealQuery scoped = currentWorkspace.principal().orElseThrow() instanceof PartnerScoped p
                ? new DealQuery(query.status(), new PartnerId(p.partnerId()), null, query.limit())
                : query;
        List<DealView> rows = named(registrations.search(currentWorkspace.id(), scoped, after, scoped.limit() + 1));
        if (rows.size() <= scoped.limit()) {
            return new DealPage(rows, null);
        }
        List<DealView> page = rows.subList(0, scoped.limit());
        return new DealPage(List.copyOf(page), page.getLast().id().toString());
    }

    /** How many registrations of {@code partner} (all partners when null; a partner user's own) are in each status. */
    @Transactional(readOnly = true)
    public Map<DealStatus, Long> countByStatus(PartnerId partner) {
        PartnerId scoped = currentWorkspace.principal().orElseThrow() instanceof PartnerScoped p
                ? new PartnerId(p.partnerId())
                : partner;
        return registrations.countByStatus(currentWorkspace.id(), scoped);
    }

    @Transactional(readOnly = true)
    public DealView get(UUID id) {
        DealView deal = registrations
                .find(currentWorkspace.id(), id)
                .orElseThrow(() -> new NotFoundException("Deal registration"));
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped p
                && !deal.partnerId().value().equals(p.partnerId())) {
            throw new NotFoundException("Deal registration");
        }
        return named(List.of(deal)).getFirst();
    }

    /** What the conflict check found when the registration was written; staff only. */
    @Transactional(readOnly = true)
    public List<DealConflict> conflicts(UUID id) {
        RegistrationGuards.requireStaff(currentWorkspace);
        get(id);
        return conflicts.list(currentWorkspace.id(), id);
    }

    /**
     * Approves a pending registration: its partner holds the account for the programme's protection
     * period. Refused while another partner's approved registration protects the same domain.
     */
    @Transactional
    public DealView approve(UUID id) {
        RegistrationGuards.requireStaff(currentWorkspace);
        WorkspaceId workspace = currentWorkspace.id();
        DealView before = get(id);
        RegistrationLifecycle.APPROVE.require(before);
        Instant now = DatabaseTime.now(clock);
        protections.protecting(workspace, before.domain(), now, id).ifPresent(other -> {
            throw new ConflictException(
                    null,
                    "Another approved registration protects " + before.domain() + " until " + other.protectedUntil()
                            + "; reject this one or wait until that protection ends");
        });
        ProgramDealRules rules = dealRules.forProgram(before.programId());
        Instant until = now.plus(Duration.ofDays(rules.protectionDays()));
        if (!registrations.approve(workspace, id, currentWorkspace.actor().name(), now, until)) {
            throw RegistrationGuards.changedMeanwhile();
        }
        DealView after = get(id);
        audit.record("deals.approved", "deal", id, before, after);
        events.publishEvent(new DealRegistrationApproved(
                workspace,
                new DealId(id),
                after.partnerId(),
                after.programId(),
                after.accountName(),
                after.domain(),
                now,
                until));
        return after;
    }

    @Transactional
    public DealView reject(UUID id, String reason) {
        RegistrationGuards.requireStaff(currentWorkspace);
        String why = DealChecks.text("reason", reason, 2000);
        DealView before = get(id);
        RegistrationLifecycle.REJECT.require(before);
        Instant now = DatabaseTime.now(clock);
        if (!registrations.reject(
                currentWorkspace.id(), id, currentWorkspace.actor().name(), why, now)) {
            throw RegistrationGuards.changedMeanwhile();
        }
        DealView after = get(id);
        audit.record("deals.rejected", "deal", id, before, after);
        events.publishEvent(DealRegistrationEnded.of(currentWorkspace.id(), after, DealStatus.REJECTED, why, now));
        return after;
    }

    @Transactional
    public DealView moveStage(UUID id, String stage) {
        RegistrationGuards.requireStaff(currentWorkspace);
        DealStage to = DealChecks.parse(DealStage.class, "stage", stage);
        DealView before = get(id);
        RegistrationLifecycle.MOVE_STAGE.require(before);
        registrations.moveStage(currentWorkspace.id(), id, to);
        DealView after = get(id);
        audit.record("deals.stage", "deal", id, before, after);
        return after;
    }

    /**
     * Extends an approved registration's protection by the programme's extension period, as often as the
     * programme allows: asked by the partner in the portal, or done by staff.
     */
    @Transactional
    public DealView extend(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        DealView before = get(id);
        RegistrationLifecycle.EXTEND.require(before);
        RegistrationGuards.requireProtected(before, DatabaseTime.now(clock));
        ProgramDealRules rules = dealRules.forProgram(before.programId());
        if (!rules.extensions().allows(before.extensionsUsed())) {
            throw new ConflictException(
                    null,
                    rules.extensions() == ExtensionPolicy.NONE
                            ? "The " + rules.programName() + " does not extend protection"
                            : "This registration was extended already; the " + rules.programName()
                                    + " extends protection once");
        }
        Instant until = before.protectedUntil().plus(Duration.ofDays(rules.extensionDays()));
        if (!registrations.extend(workspace, id, before.protectedUntil(), until)) {
            throw RegistrationGuards.changedMeanwhile();
        }
        DealView after = get(id);
        audit.record("deals.extended", "deal", id, before, after);
        events.publishEvent(new DealRegistrationApproved(
                workspace,
                new DealId(id),
                after.partnerId(),
                after.programId(),
                after.accountName(),
                after.domain(),
                after.decidedAt(),
                until));
        return after;
    }

    /**
     * The approved registration protecting the account at {@code registrableDomain} at {@code at}, for
     * attribution (tracking): it wins over clicks and coupons. Works outside any request.
     */
    @Transactional(readOnly = true)
    public Optional<ProtectedDeal> protecting(WorkspaceId workspace, String registrableDomain, Instant at) {
        return protections.attributing(workspace, registrableDomain, at);
    }

    /** The partner's programmes a registration may be filed under (the portal's form). */
    @Transactional(readOnly = true)
    public List<ProgramView> programsToRegisterUnder() {
        partner();
        return memberships.mine().stream().map(MyProgram::program).toList();
    }

    private List<DealView> named(List<DealView> deals) {
        Map<PartnerId, String> partnerNames =
                partners
                        .byIds(deals.stream()
                                .map(DealView::partnerId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(PartnerView::id, PartnerView::name));
        Map<ProgramId, String> programNames = currentWorkspace.principal().orElseThrow() instanceof PartnerScoped
                ? memberships.mine().stream()
                        .map(MyProgram::program)
                        .collect(Collectors.toMap(ProgramView::id, ProgramView::name))
                : programs.list().stream().collect(Collectors.toMap(ProgramView::id, ProgramView::name));
        return deals.stream()
                .map(d -> d.withNames(
                        partnerNames.getOrDefault(d.partnerId(), ""), programNames.getOrDefault(d.programId(), "")))
                .toList();
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(workspaces.current().timezone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private PartnerId partner() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped p) {
            return new PartnerId(p.partnerId());
        }
        throw new AccessDeniedException("Only partner users register deals");
    }

    private static UUID cursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "Pass the nextCursor of the previous page");
        }
    }
}
