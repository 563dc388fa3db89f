package dev.canopy.programs;

import dev.canopy.audit.AuditLog;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerPage;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.internal.MemberTable;
import dev.canopy.programs.internal.MetricTable;
import dev.canopy.programs.internal.ProgramTable;
import dev.canopy.programs.internal.TermsTable;
import dev.canopy.programs.internal.TierChangeTable;
import dev.canopy.programs.internal.TierEvaluator;
import dev.canopy.programs.internal.TierTable;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.shared.WorkspacePrincipal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which partners are in which programmes, at which tier, and where they stand with the terms: for the
 * console and the API, and for the partner itself in the portal, where it accepts each new version.
 */
@Service
public class Memberships {

    /** An acceptance of the terms as the audit log records it. */
    record Acceptance(String program, String partner, int version, String acceptedBy, Instant acceptedAt) {}

    private static final Set<PartnerStatus> CAN_JOIN =
            EnumSet.of(PartnerStatus.INVITED, PartnerStatus.APPROVED, PartnerStatus.ACTIVE);

    private final ProgramTable programs;
    private final MemberTable memberships;
    private final TermsTable terms;
    private final TierTable tiers;
    private final MetricTable metrics;
    private final TierChangeTable changes;
    private final TierEvaluator evaluator;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Memberships(
            ProgramTable programs,
            MemberTable memberships,
            TermsTable terms,
            TierTable tiers,
            MetricTable metrics,
            TierChangeTable changes,
            TierEvaluator evaluator,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.programs = programs;
        this.memberships = memberships;
        this.terms = terms;
        this.tiers = tiers;
        this.metrics = metrics;
        this.changes = changes;
        this.evaluator = evaluator;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Memberships of one programme, of one partner, or (both null) all of them. */
    @Transactional(readOnly = true)
    public List<MembershipView> list(ProgramId program, PartnerId partner) {
        WorkspaceId workspace = currentWorkspace.id();
        if (program != null) {
            program(workspace, program);
        }
        List<MembershipView> found = memberships.list(workspace, program, partner);
        Map<PartnerId, String> names =
                partners
                        .byIds(found.stream()
                                .map(MembershipView::partnerId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(PartnerView::id, PartnerView::name));
        return found.stream()
                .map(m -> new MembershipView(
                        m.programId(),
                        m.programName(),
                        m.partnerId(),
                        names.getOrDefault(m.partnerId(), m.partnerId().toString()),
                        m.joinedAt(),
                        m.tierId(),
                        m.tierName(),
                        m.tierSince(),
                        m.belowSince(),
                        m.currentTermsVersion(),
                        m.acceptedTermsVersion(),
                        m.termsAcceptedAt()))
                .toList();
    }

    /** The programmes a partner belongs to, oldest membership first, for work outside any request. */
    @Transactional(readOnly = true)
    public List<ProgramId> programsOf(WorkspaceId workspace, PartnerId partner) {
        return memberships.list(workspace, null, partner).stream()
                .sorted(Comparator.comparing(MembershipView::joinedAt))
                .map(MembershipView::programId)
                .toList();
    }

    /** Adds a partner of the workspace to a programme, at the tier its metrics earn. */
    @Transactional
    public MembershipView enrol(ProgramId program, PartnerId partner) {
        return enrol(program, partner, null);
    }

    /**
     * Adds a partner of the workspace to a programme at {@code startTier} (null: the tier its metrics earn). From
     * then on the tier rules apply as to any member: promoted at once when its metrics earn more, moved down when
     * they have earned less for the programme's whole grace period.
     */
    @Transactional
    public MembershipView enrol(ProgramId program, PartnerId partner, @Nullable UUID startTier) {
        WorkspaceId workspace = currentWorkspace.id();
        ProgramView p = program(workspace, program);
        partners.get(partner);
        if (startTier != null && tiers.list(workspace, program).stream().noneMatch(t -> t.id().equals(startTier))) {
            throw new InvalidInputException("tierId", "Choose one of the tiers of " + p.name());
        }
        if (!memberships.insert(workspace, program, partner, startTier, clock.instant())) {
            throw new ConflictException("partnerId", "This partner is a member of " + p.name() + " already");
        }
        MembershipView created = list(program, partner).getFirst();
        audit.record("programs.membership.created", "membership", program + "/" + partner, null, created);
        evaluator.evaluate(workspace, currentWorkspace.actor(), p, Optional.of(partner));
        return list(program, partner).getFirst();
    }

    /**
     * Up to {@code limit} partners in good standing (invited, approved or active) whose name or domain matches
     * {@code query}, in name order, that are not members of the programme yet: whom staff may add to it.
     */
    @Transactional(readOnly = true)
    public List<PartnerView> candidates(ProgramId program, @Nullable String query, int limit) {
        WorkspaceId workspace = currentWorkspace.id();
        program(workspace, program);
        Set<PartnerId> members = memberships.list(workspace, program, null).stream()
                .map(MembershipView::partnerId)
                .collect(Collectors.toSet());
        List<PartnerView> found = new ArrayList<>();
        PartnerSearch search = new PartnerSearch(query, null, null, null, false, null, PartnerSearch.MAX_LIMIT);
        String cursor = null;
        do {
            PartnerPage page = partners.search(search.page(cursor, PartnerSearch.MAX_LIMIT));
            page.partners().stream()
                    .filter(p -> CAN_JOIN.contains(p.status()) && !members.contains(p.id()))
                    .limit(limit - found.size())
                    .forEach(found::add);
            cursor = page.nextCursor();
        } while (cursor != null && found.size() < limit);
        return found;
    }

    /**
     * Adds partners brought from another PRM to a programme (those in it already stay as they are), each at the tier
     * named like its group there. Answers, per partner, why it joined without a tier (null when it did not).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> importMembers(
            WorkspaceId workspace, ProgramId program, List<PartnerId> members, List<String> groups, Instant now) {
        Map<String, UUID> tierByName = tiers.list(workspace, program).stream()
                .collect(Collectors.toMap(t -> t.name().toLowerCase(Locale.ROOT), TierView::id, (a, b) -> a));
        List<UUID> tierIds = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String group : groups) {
            UUID tier = group == null ? null : tierByName.get(group.strip().toLowerCase(Locale.ROOT));
            tierIds.add(tier);
            notes.add(
                    group == null || group.isBlank() || tier != null
                            ? null
                            : "No tier is named '" + group.strip() + "'; joined without a tier");
        }
        memberships.insertAll(workspace, program, members, tierIds, now);
        return notes;
    }

    /** The signed-in partner's programmes, for the portal. */
    @Transactional(readOnly = true)
    public List<MyProgram> mine() {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId partner = partner();
        return memberships.list(workspace, null, partner).stream()
                .map(m -> myProgram(workspace, partner, m))
                .toList();
    }

    @Transactional(readOnly = true)
    public MyProgram mine(ProgramId program) {
        return mine().stream()
                .filter(m -> m.program().id().equals(program))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Programme"));
    }

    /** Programmes whose current terms the signed-in partner has not accepted yet. */
    @Transactional(readOnly = true)
    public List<ProgramId> pendingTerms() {
        return memberships.list(currentWorkspace.id(), null, partner()).stream()
                .filter(MembershipView::termsPending)
                .map(MembershipView::programId)
                .toList();
    }

    /**
     * The signed-in partner user accepts {@code version} of a programme's terms for their company; a
     * version that is no longer the current one is refused, so nobody accepts what they did not read.
     */
    @Transactional
    public MyProgram acceptTerms(ProgramId program, int version) {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId partner = partner();
        MyProgram before = mine(program);
        if (before.currentTerms() == null || before.currentTerms().version() != version) {
            throw new ConflictException(
                    "version", "These terms have changed since you opened them; read the current version");
        }
        WorkspacePrincipal user = currentWorkspace.principal().orElseThrow();
        Instant now = clock.instant();
        if (terms.accept(
                workspace,
                program,
                partner,
                version,
                UUID.fromString(user.actor().id()),
                user.actor().name(),
                now)) {
            audit.record(
                    "programs.terms.accepted",
                    "membership",
                    program + "/" + partner,
                    null,
                    new Acceptance(
                            program.toString(),
                            partner.toString(),
                            version,
                            user.actor().name(),
                            now));
            events.publishEvent(new TermsAccepted(workspace, program, partner, version, now));
        }
        return mine(program);
    }

    private MyProgram myProgram(WorkspaceId workspace, PartnerId partner, MembershipView membership) {
        ProgramView program = programs.find(workspace, membership.programId()).orElseThrow();
        List<TierView> ladder = tiers.list(workspace, program.id());
        TierView tier = ladder.stream()
                .filter(t -> t.id().equals(membership.tierId()))
                .findFirst()
                .orElse(null);
        TierView next = ladder.stream()
                .filter(t -> tier == null || t.rank() > tier.rank())
                .min(Comparator.comparingInt(TierView::rank))
                .orElse(null);
        Map<TierMetric, BigDecimal> values = metrics.values(
                        workspace, List.of(partner), program.reward().currency())
                .get(partner);
        List<MetricProgress> progress = next == null
                ? List.of()
                : next.thresholds().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(t -> new MetricProgress(
                                t.getKey(),
                                values.getOrDefault(t.getKey(), BigDecimal.ZERO),
                                t.getValue(),
                                t.getKey().money() ? program.reward().currency() : null))
                        .toList();
        return new MyProgram(
                program,
                membership,
                tier,
                next,
                progress,
                evaluator
                        .requirements(workspace, program.id(), List.of(partner), clock.instant())
                        .getOrDefault(partner, List.of()),
                terms.current(workspace, program.id()).orElse(null),
                changes.list(workspace, program.id(), partner, 20));
    }

    private PartnerId partner() {
        return PartnerId.signedIn(currentWorkspace)
                .orElseThrow(() -> new AccessDeniedException("Only partner users have programmes of their own"));
    }

    private ProgramView program(WorkspaceId workspace, ProgramId id) {
        return programs.find(workspace, id).orElseThrow(() -> new NotFoundException("Programme"));
    }
}
