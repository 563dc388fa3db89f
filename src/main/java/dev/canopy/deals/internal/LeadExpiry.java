package dev.canopy.deals.internal;

import dev.canopy.deals.Leads;
import dev.canopy.platform.AsSystem;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passes on leads whose partner did not answer in time. Every node runs it; each takes the due offers
 * with {@code FOR UPDATE SKIP LOCKED}, so an offer is expired (and its lead re-routed) by one node only.
 */
@Component
public class LeadExpiry {

    private static final int BATCH = 100;

    private final LeadTable leads;
    private final Leads service;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LeadExpiry(LeadTable leads, Leads service, TransactionTemplate transactions, Clock clock) {
        this.leads = leads;
        this.service = service;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${canopy.deals.expiry-interval:PT5M}",
            initialDelayString = "${canopy.deals.expiry-interval:PT5M}")
    void scheduled() {
        runNow();
    }

    /** Expires every offer due now, in batches; returns how many. */
    public int runNow() {
        int total = 0;
        while (true) {
            Integer done = transactions.execute(status -> {
                var due = leads.lockDue(clock.instant(), BATCH);
                due.forEach(
                        d -> AsSystem.in(d.workspace(), () -> service.expire(d.workspace(), d.lead(), d.partner())));
                return due.size();
            });
            total += done == null ? 0 : done;
            if (done == null || done < BATCH) {
                return total;
            }
        }
    }
}
