package dev.canopy.platform.web;

import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys in PostgreSQL, unique per workspace: the database, not a node's memory, decides which
 * of two concurrent requests with the same key goes first.
 */
@Repository
class IdempotencyKeys {

    /** How long a claimed key blocks duplicates before a crashed request's claim may be taken over. */
    static final Duration CLAIM = Duration.ofSeconds(60);

    /** How long a finished response is kept for replay. */
    static final Duration RETENTION = Duration.ofHours(24);

    private final JdbcClient db;
    private final Clock clock;

    record Stored(
            String requestHash,
            Integer status,
            String contentType,
            @Nullable String location,
            byte[] body) {
        boolean completed() {
            return status != null;
        }
    }

    IdempotencyKeys(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whose keys: a workspace's API key or person, as {@code KIND:id}. */
    record Scope(WorkspaceId workspace, String principal) {}

    /** True when this request now owns the key: first to claim it, or taking over an abandoned claim. */
    boolean claim(Scope scope, String key, String requestHash) {
        Instant now = clock.instant();
        int inserted = db.sql("""
                        insert into platform_idempotency_key
                            (workspace_id, principal, idempotency_key, request_hash, claimed_until, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict do nothing
                        """)
                .params(scope.workspace().value(), scope.principal(), key, requestHash, ts(now.plus(CLAIM)), ts(now))
                .update();
        if (inserted == 1) {
            return true;
        }
        return db.sql("""
                        update platform_idempotency_key set claimed_until = ?
                        where workspace_id = ? and principal = ? and idempotency_key = ? and request_hash = ?
                          and response_status is null and claimed_until < ?
                        """)
                        .params(
                                ts(now.plus(CLAIM)),
                                scope.workspace().value(),
                                scope.principal(),
                                key,
                                requestHash,
                                ts(now))
                        .update()
                == 1;
    }

    Optional<Stored> find(Scope scope, String key) {
        return db.sql("""
                        select request_hash, response_status, response_type, response_location, response_body
                        from platform_idempotency_key where workspace_id = ? and principal = ? and idempotency_key = ?
                        """)
                .params(scope.workspace().value(), scope.principal(), key)
                .query((rs, n) -> new Stored(
                        rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                .optional();
    }

    void complete(Scope scope, String key, int status, String contentType, @Nullable String location, byte[] body) {
        db.sql("""
                        update platform_idempotency_key
                        set response_status = ?, response_type = ?, response_location = ?, response_body = ?, completed_at = ?
                        where workspace_id = ? and principal = ? and idempotency_key = ?
                        """)
                .params(
                        status,
                        contentType,
                        location,
                        body,
                        ts(clock.instant()),
                        scope.workspace().value(),
                        scope.principal(),
                        key)
                .update();
    }

    /** A request that failed on our side gives its key back, so the client's retry is processed anew. */
    void release(Scope scope, String key) {
        db.sql("""
                        delete from platform_idempotency_key
                        where workspace_id = ? and principal = ? and idempotency_key = ? and response_status is null
                        """).params(scope.workspace().value(), scope.principal(), key).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldKeys() {
        db.sql("delete from platform_idempotency_key where created_at < ?")
                .param(ts(clock.instant().minus(RETENTION)))
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
