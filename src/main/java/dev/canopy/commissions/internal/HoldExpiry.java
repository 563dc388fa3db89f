package dev.canopy.commissions.internal;

import dev.canopy.commissions.CommissionReview;
import dev.canopy.shared.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Approves commissions whose hold period has ended, every minute on every node: rows are claimed with
 * SKIP LOCKED a chunk at a time, so nodes share the work and none approves a commission twice.
 */
@Component
public class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);
    private static final int CHUNK = 5_000;

    private final CommissionReview commissions;

    HoldExpiry(CommissionReview commissions) {
        this.commissions = commissions;
    }

    @Scheduled(
            fixedDelayString = "${canopy.commissions.hold-expiry-delay:60s}",
            initialDelayString = "${canopy.commissions.hold-expiry-delay:60s}")
    void tick() {
        approveDue();
    }

    /** Answers how many commissions were approved. */
    public int approveDue() {
        int total = 0;
        for (WorkspaceId workspace : commissions.workspacesWithDue()) {
            try {
                int approved;
                do {
                    approved = commissions.approveDue(workspace, CHUNK);
                    total += approved;
                } while (approved == CHUNK);
            } catch (RuntimeException e) {
                log.error("Approving due commissions of workspace {} failed", workspace.value(), e);
            }
        }
        return total;
    }
}
