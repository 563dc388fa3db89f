package dev.canopy.platform;

import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a report's reads in one read-only transaction on the reporting replica ({@code
 * canopy.analytics.datasource.*}) when one is configured, so that heavy dashboards never compete with the writes of
 * clicks and payments; on the main database otherwise. Work started inside a transaction already open joins it, on
 * that transaction's connection: a transaction cannot change databases half-way. A report's statements run without
 * PostgreSQL's parallel workers unless {@code canopy.analytics.parallel-workers} allows some: on two cores, starting
 * them cost more than they saved (a 30-day funnel's clicks per partner: 79–107 ms with two, 53–67 ms without). They
 * get {@code canopy.analytics.work-mem} each for sorts and hashes: with PostgreSQL's 4 MB, summing 14,000 partners'
 * conversions spilled to disk. Each statement is planned for its own dates: a prepared statement's generic plan,
 * chosen after five runs, cannot know how much of a table a window covers.
 */
@Component
public class ReplicaReads {

    private static final ThreadLocal<Boolean> REPORTING = new ThreadLocal<>();

    private final TransactionTemplate readOnly;
    private final JdbcClient db;
    private final int parallelWorkers;
    private final String workMem;

    ReplicaReads(
            PlatformTransactionManager transactions,
            JdbcClient db,
            @Value("${canopy.analytics.parallel-workers:0}") int parallelWorkers,
            @Value("${canopy.analytics.work-mem:64MB}") String workMem) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.db = db;
        this.parallelWorkers = parallelWorkers;
        this.workMem = workMem;
    }

    public <T> T read(Supplier<T> work) {
        if (reporting()) {
            return work.get(); // already inside a report's transaction
        }
        REPORTING.set(Boolean.TRUE);
        try {
            return readOnly.execute(status -> {
                db.sql("select set_config('max_parallel_workers_per_gather', :workers, true),"
                                + " set_config('work_mem', :workMem, true),"
                                + " set_config('plan_cache_mode', 'force_custom_plan', true)")
                        .param("workers", Integer.toString(parallelWorkers))
                        .param("workMem", workMem)
                        .query()
                        .singleRow();
                return work.get();
            });
        } finally {
            REPORTING.remove();
        }
    }

    /** Whether the connection being opened now is for a report's reads. */
    public static boolean reporting() {
        return REPORTING.get() != null;
    }
}
