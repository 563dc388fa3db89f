package dev.canopy.identity.internal;

import dev.canopy.shared.EmailAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Vendor staff accounts: global, since one person may work in several workspaces. */
@Repository
public class AccountTable {

    public record Account(UUID id, String email, String displayName, String passwordHash, Instant lastLoginAt) {}

    private final JdbcClient db;

    AccountTable(JdbcClient db) {
        this.db = db;
    }

    /** False when an account with this email exists. */
    public boolean insert(UUID id, EmailAddress email, String displayName, String passwordHash, Instant now) {
        return db.sql("""
                        insert into identity_account (id, email, display_name, password_hash, created_at)
                        values (?, ?, ?, ?, ?) on conflict (email) do nothing
                        """)
                        .params(id, email.value(), displayName, passwordHash, Timestamp.from(now))
                        .update()
                == 1;
    }

    public Optional<Account> findByEmail(String email) {
        return db.sql(
                        "select id, email, display_name, password_hash, last_login_at from identity_account where email = ?")
                .param(email)
                .query(AccountTable::map)
                .optional();
    }

    public Optional<Account> find(UUID id) {
        return db.sql("select id, email, display_name, password_hash, last_login_at from identity_account where id = ?")
                .param(id)
                .query(AccountTable::map)
                .optional();
    }

    public void changePassword(UUID id, String passwordHash) {
        db.sql("update identity_account set password_hash = ? where id = ?")
                .params(passwordHash, id)
                .update();
    }

    public void recordLogin(UUID id, Instant at) {
        db.sql("update identity_account set last_login_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    private static Account map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                lastLogin == null ? null : lastLogin.toInstant());
    }
}
