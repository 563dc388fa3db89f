package dev.canopy.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's transaction-scoped advisory locks: work that must not interleave (two requests of one client passing a
 * rate limit, a refund and the pricing of its sale) takes the same key, and waits for the other's transaction to end.
 * Keys are hashed to 64 bits; two keys sharing a hash only wait for each other, never miss a lock.
 */
public final class TransactionLocks {

    private TransactionLocks() {}

    /** Waits for, then holds until the current transaction ends, the lock of {@code key}. */
    public static void lock(JdbcClient db, String key) {
        db.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 0))) locked")
                .param(key)
                .query(Integer.class)
                .single();
    }
}
