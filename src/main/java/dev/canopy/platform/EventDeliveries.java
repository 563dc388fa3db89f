package dev.canopy.platform;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event publication registry's view of what is still on its way: events published and committed whose
 * listeners (run after the commit, on other threads) have not finished. The demo data waits on it where one
 * module's data comes from another's events.
 */
@Component
public class EventDeliveries {

    private final JdbcClient db;

    EventDeliveries(JdbcClient db) {
        this.db = db;
    }

    /** Waits until no published event waits for a listener, at most {@code limit}; answers whether none does. */
    public boolean awaitAllDelivered(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (outstanding() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private long outstanding() {
        return db.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single();
    }
}
