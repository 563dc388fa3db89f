package dev.canopy.commissions;

import dev.canopy.audit.AuditLog;
import dev.canopy.commissions.internal.CommissionEngine;
import dev.canopy.commissions.internal.CommissionLifecycle;
import dev.canopy.commissions.internal.CommissionPostings;
import dev.canopy.commissions.internal.CommissionSource;
import dev.canopy.commissions.internal.CommissionTable;
import dev.canopy.commissions.internal.FraudSettingsTable;
import dev.canopy.commissions.internal.PartnerFraudFacts;
import dev.canopy.commissions.internal.Refunds;
import dev.canopy.commissions.internal.RuleTable;
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
import java.util.ArrayList;
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
 * Commissions from conversions and won deals, and what finance does with them: approve, decline or hold
 * in bulk with a reason, release from fraud review. Approving posts to the ledger in the same transaction.
 */
@Service
public class Commissions {

    /** A move's reason is shown on the partner's statement and in the audit log. */
    private static final int MAX_REASON = 1000;

    private static final int PAGE = 50;

    private final SourceTable sources;
    private final CommissionTable commissions;
    private final CommissionEngine engine;
    private final PartnerFraudFacts partnerFacts;
    private final Refunds refunds;
    private final RuleTable rules;
    private final FraudSettingsTable fraud;
    private final Ledger ledger;
    private final Partners partners;
    private final Programs programs;
    private final Memberships memberships;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Commissions(
            SourceTable sources,
            CommissionTable commissions,
            CommissionEngine engine,
            PartnerFraudFacts partnerFacts,
            Refunds refunds,
            RuleTable rules,
            FraudSettingsTable fraud,
            Ledger ledger,
            Partners partners,
            Programs programs,
            Memberships memberships,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.sources = sources;
        this.commissions = commissions;
        this.engine = engine;
        this.partnerFacts = partnerFacts;
        this.refunds = refunds;
        this.rules = rules;
        this.fraud = fraud;
        this.ledger = ledger;
        this.partners = partners;
        this.programs = programs;
        this.memberships = memberships;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
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

    /** A bulk move is audited with the ids it moved; one that moved nothing changed nothing, and is not. */
    private void audited(String action, List<CommissionTable.Moved> moved, Map<String, String> details) {
        if (moved.isEmpty()) {
            return;
        }
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("ids", ids(moved));
        after.putAll(details);
        audit.record(action, "commission", null, null, after);
    }

    /** One CommissionMoved per commission a move moved, by whom and why. */
    private void published(
            WorkspaceId workspace,
            List<CommissionTable.Moved> moved,
            CommissionStatus to,
            String by,
            String reason,
            Instant now) {
        for (CommissionTable.Moved m : moved) {
            events.publishEvent(new CommissionMoved(
                    workspace, new CommissionId(m.id()), m.partner(), to, m.amount(), by, reason, now));
        }
    }

    /** Finance approves pending or held commissions now, whatever their hold; answers how many moved. */
    @Transactional
    public int approve(Collection<UUID> ids, String note) {
        WorkspaceId workspace = currentWorkspace.id();
        checkMove(workspace, ids, false, null);
        Instant now = clock.instant();
        List<CommissionTable.Moved> moved = commissions.move(
                workspace,
                ids,
                CommissionLifecycle.APPROVE,
                currentWorkspace.actor().name(),
                blankToNull(note),
                now);
        ledger.post(
                workspace,
                moved.stream().map(m -> CommissionPostings.approved(m, now)).toList());
        audited("commissions.approved", moved, Map.of("note", nullToEmpty(note)));
        published(
                workspace,
                moved,
                CommissionStatus.APPROVED,
                currentWorkspace.actor().name(),
                blankToNull(note),
                now);
        return moved.size();
    }

    /** Declines commissions with a reason; an approved one is taken back out of the partner's payable. */
    @Transactional
    public int decline(Collection<UUID> ids, String reason) {
        WorkspaceId workspace = currentWorkspace.id();
        checkMove(workspace, ids, true, reason);
        Instant now = clock.instant();
        String by = currentWorkspace.actor().name();
        List<CommissionTable.Moved> wereApproved =
                commissions.move(workspace, ids, CommissionLifecycle.DECLINE_APPROVED, by, reason.strip(), now);
        ledger.post(
                workspace,
                wereApproved.stream()
                        .map(m -> CommissionPostings.declined(m, now))
                        .toList());
        List<CommissionTable.Moved> moved = new ArrayList<>(wereApproved);
        moved.addAll(commissions.move(workspace, ids, CommissionLifecycle.DECLINE, by, reason.strip(), now));
        audited("commissions.declined", moved, Map.of("reason", reason.strip()));
        published(
                workspace,
                moved,
                CommissionStatus.DECLINED,
                currentWorkspace.actor().name(),
                reason.strip(),
                now);
        return moved.size();
    }

    /** Holds pending commissions for review, with a reason. */
    @Transactional
    public int hold(Collection<UUID> ids, String reason) {
        WorkspaceId workspace = currentWorkspace.id();
        checkMove(workspace, ids, true, reason);
        List<CommissionTable.Moved> moved = commissions.move(
                workspace,
                ids,
                CommissionLifecycle.HOLD,
                currentWorkspace.actor().name(),
                reason.strip(),
                clock.instant());
        commissions.addHoldReason(
                workspace, ids(moved), "Held by " + currentWorkspace.actor().name() + ": " + reason.strip());
        audited("commissions.held", moved, Map.of("reason", reason.strip()));
        published(
                workspace,
                moved,
                CommissionStatus.HELD,
                currentWorkspace.actor().name(),
                reason.strip(),
                clock.instant());
        return moved.size();
    }

    /** Releases held commissions back to pending: the hold period still runs before they are approved. */
    @Transactional
    public int release(Collection<UUID> ids, String note) {
        WorkspaceId workspace = currentWorkspace.id();
        checkMove(workspace, ids, false, null);
        List<CommissionTable.Moved> moved = commissions.move(
                workspace,
                ids,
                CommissionLifecycle.RELEASE,
                currentWorkspace.actor().name(),
                blankToNull(note),
                clock.instant());
        audited("commissions.released", moved, Map.of());
        published(
                workspace,
                moved,
                CommissionStatus.PENDING,
                currentWorkspace.actor().name(),
                blankToNull(note),
                clock.instant());
        return moved.size();
    }

    /**
     * Approves pending commissions whose hold has ended, a chunk at a time (each chunk one transaction
     * with its ledger entries); answers how many.
     */
    @Transactional
    public int approveDue(WorkspaceId workspace, int limit) {
        Instant now = clock.instant();
        List<CommissionTable.Moved> moved = commissions.approveDue(workspace, now, limit);
        ledger.post(
                workspace,
                moved.stream().map(m -> CommissionPostings.approved(m, now)).toList());
        published(workspace, moved, CommissionStatus.APPROVED, "Canopy", "Hold ended", now);
        return moved.size();
    }

    public List<WorkspaceId> workspacesWithDue() {
        return commissions.workspacesWithDue(clock.instant());
    }

    /** A commission's totals by status, for the signed-in partner (its own) or staff (the workspace's). */
    @Transactional(readOnly = true)
    public List<StatusTotal> totals(PartnerId partner) {
        return commissions.totals(currentWorkspace.id(), partner).stream()
                .map(t -> new StatusTotal(t.status(), t.amount(), t.count()))
                .toList();
    }

    public record StatusTotal(CommissionStatus status, Money amount, long count) {}

    /**
     * Checks a move's input: some commissions, a reason when one is required (decline and hold), and every
     * id the workspace's — another workspace's id is not found, and nothing moves.
     */
    private void checkMove(WorkspaceId workspace, Collection<UUID> ids, boolean reasonRequired, String reason) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (ids == null || ids.isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem("ids", "Tick the commissions to move"));
        }
        if (reasonRequired && (reason == null || reason.isBlank())) {
            problems.add(new InvalidInputException.FieldProblem(
                    "reason", "Say why, so the partner and your colleagues know"));
        } else if (reason != null && reason.strip().length() > MAX_REASON) {
            problems.add(new InvalidInputException.FieldProblem(
                    "reason",
                    "Keep the reason to " + MAX_REASON + " characters; it is shown on the partner's statement"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!commissions.known(workspace, ids).containsAll(ids)) {
            throw new NotFoundException("Commission");
        }
    }

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

    private static List<UUID> ids(List<CommissionTable.Moved> moved) {
        return moved.stream().map(CommissionTable.Moved::id).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
