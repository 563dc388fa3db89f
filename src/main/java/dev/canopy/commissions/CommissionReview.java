package dev.canopy.commissions;

import dev.canopy.audit.AuditLog;
import dev.canopy.commissions.internal.CommissionLifecycle;
import dev.canopy.commissions.internal.CommissionPostings;
import dev.canopy.commissions.internal.CommissionTable;
import dev.canopy.ledger.Ledger;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What finance does with commissions once they are made: approve, decline or hold them in bulk with a reason, release
 * them from review, and the approval of those whose hold has ended. Approving posts to the ledger, and declining an
 * approved one takes it back, in the same transaction as the move.
 */
@Service
public class CommissionReview {

    /** A move's reason is shown on the partner's statement and in the audit log. */
    private static final int MAX_REASON = 1000;

    private final CommissionTable commissions;
    private final Ledger ledger;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommissionReview(
            CommissionTable commissions,
            Ledger ledger,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.commissions = commissions;
        this.ledger = ledger;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
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
        String by = currentWorkspace.actor().name();
        List<CommissionTable.Moved> moved =
                commissions.move(workspace, ids, CommissionLifecycle.APPROVE, by, blankToNull(note), now);
        ledger.post(
                workspace,
                moved.stream().map(m -> CommissionPostings.approved(m, now)).toList());
        audited("commissions.approved", moved, Map.of("note", nullToEmpty(note)));
        published(workspace, moved, CommissionStatus.APPROVED, by, blankToNull(note), now);
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
        published(workspace, moved, CommissionStatus.DECLINED, by, reason.strip(), now);
        return moved.size();
    }

    /** Holds pending commissions for review, with a reason. */
    @Transactional
    public int hold(Collection<UUID> ids, String reason) {
        WorkspaceId workspace = currentWorkspace.id();
        checkMove(workspace, ids, true, reason);
        Instant now = clock.instant();
        String by = currentWorkspace.actor().name();
        List<CommissionTable.Moved> moved =
                commissions.move(workspace, ids, CommissionLifecycle.HOLD, by, reason.strip(), now);
        commissions.addHoldReason(workspace, ids(moved), "Held by " + by + ": " + reason.strip());
        audited("commissions.held", moved, Map.of("reason", reason.strip()));
        published(workspace, moved, CommissionStatus.HELD, by, reason.strip(), now);
        return moved.size();
    }

    /** Releases held commissions back to pending: the hold period still runs before they are approved. */
    @Transactional
    public int release(Collection<UUID> ids, String note) {
        WorkspaceId workspace = currentWorkspace.id();
        checkMove(workspace, ids, false, null);
        Instant now = clock.instant();
        String by = currentWorkspace.actor().name();
        List<CommissionTable.Moved> moved =
                commissions.move(workspace, ids, CommissionLifecycle.RELEASE, by, blankToNull(note), now);
        audited("commissions.released", moved, Map.of());
        published(workspace, moved, CommissionStatus.PENDING, by, blankToNull(note), now);
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
