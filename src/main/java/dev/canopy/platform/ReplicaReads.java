package dev.canopy.platform;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a report's reads in one read-only transaction on the reporting replica ({@code
 * canopy.analytics.datasource.*}) when one is configured, so that heavy dashboards never compete with the writes of
 * clicks and payments; on the main database otherwise. Work started inside a transaction already open joins it, on
 * that transaction's connection: a transaction cannot change databases half-way.
 */
@Component
public class ReplicaReads {

    private static final ThreadLocal<Boolean> REPORTING = new ThreadLocal<>();

    private final TransactionTemplate readOnly;

    ReplicaReads(PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public <T> T read(Supplier<T> work) {
        if (reporting()) {
            return work.get(); // already inside a report's transaction
        }
        REPORTING.set(Boolean.TRUE);
        try {
            return readOnly.execute(status -> work.get());
        } finally {
            REPORTING.remove();
        }
    }

    /** Whether the connection being opened now is for a report's reads. */
    public static boolean reporting() {
        return REPORTING.get() != null;
    }
}
