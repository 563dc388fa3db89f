package dev.canopy.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PasswordResetTable {

    private final JdbcClient db;

    PasswordResetTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(String tokenHash, UUID accountId, Instant now, Instant expiresAt) {
        db.sql(
                        "insert into identity_password_reset (token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(tokenHash, accountId, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    /** Uses the token once: the account it resets, when it was valid and unused until now. */
    public Optional<UUID> use(String tokenHash, Instant now) {
        return db.sql("""
                        update identity_password_reset set used_at = ?
                        where token_hash = ? and used_at is null and expires_at > ?
                        returning account_id
                        """)
                .params(Timestamp.from(now), tokenHash, Timestamp.from(now))
                .query(UUID.class)
                .optional();
    }

    public boolean usable(String tokenHash, Instant now) {
        return db.sql(
                        "select exists (select 1 from identity_password_reset where token_hash = ? and used_at is null and expires_at > ?)")
                .params(tokenHash, Timestamp.from(now))
                .query(Boolean.class)
                .single();
    }

    /** A completed reset voids every other link sent to the same account. */
    public void voidOthers(UUID accountId, Instant now) {
        db.sql("update identity_password_reset set used_at = ? where account_id = ? and used_at is null")
                .params(Timestamp.from(now), accountId)
                .update();
    }
}
