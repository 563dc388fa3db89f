package dev.canopy.commissions.internal;

import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The safety net behind {@link Refunds}: every minute on every node, a refund whose sale has a commission it
 * has not given back from yet is given back. The refund's own arrival and its sale's pricing do it at once;
 * this catches whatever a crash between the two, or a race the lock did not cover, left waiting — and says
 * so in the log, since it should find nothing.
 */
@Component
public class RefundSweep {

    private static final Logger log = LoggerFactory.getLogger(RefundSweep.class);

    private final SourceTable sources;
    private final Refunds refunds;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RefundSweep(SourceTable sources, Refunds refunds, TransactionTemplate transactions, Clock clock) {
        this.sources = sources;
        this.refunds = refunds;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${canopy.commissions.refund-sweep-delay:60s}",
            initialDelayString = "${canopy.commissions.refund-sweep-initial-delay:10s}")
    public void sweep() {
        for (WorkspaceId workspace : sources.workspacesWithRefundsNotGivenBack()) {
            try {
                transactions.executeWithoutResult(status -> refunds.giveBackWaiting(workspace, null, clock.instant()));
                log.warn("Gave back refunds left waiting in workspace {}", workspace.value());
            } catch (RuntimeException e) {
                log.error("Giving back waiting refunds of workspace {} failed", workspace.value(), e);
            }
        }
    }
}
