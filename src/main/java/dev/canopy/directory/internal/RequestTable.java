package dev.canopy.directory.internal;

import dev.canopy.directory.ContactRequest;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.TransactionLocks;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests prospects sent listed partners, one per form token. */
@Repository
public class RequestTable {

    /** A checked request, ready to store. */
    public record Checked(
            UUID token, String name, String email, @Nullable String company, String message) {}

    private final JdbcClient db;

    RequestTable(JdbcClient db) {
        this.db = db;
    }

    /** Stores the request; false when a request with its token was stored before (the form sent again). */
    public boolean insert(WorkspaceId workspace, PartnerId partner, Checked c, String clientKey, Instant at) {
        return db.sql("""
                        insert into directory_contact (workspace_id, token, partner_id, name, email, company, message,
                                                       client_key, created_at)
                        values (:workspace, :token, :partner, :name, :email, :company, :message, :client, :at)
                        on conflict (workspace_id, token) do nothing
                        """)
                        .param("workspace", workspace.value())
                        .param("token", c.token())
                        .param("partner", partner.value())
                        .param("name", c.name())
                        .param("email", c.email())
                        .param("company", c.company())
                        .param("message", c.message())
                        .param("client", clientKey)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    /** Requests from one client since {@code since}, in every workspace: what the rate limit counts. */
    public int countSince(String clientKey, Instant since) {
        return db.sql("select count(*) from directory_contact where client_key = ? and created_at >= ?")
                .params(clientKey, Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** Serializes one client's requests, so that two at once cannot both pass the rate limit. */
    public void lock(String clientKey) {
        TransactionLocks.lock(db, "directory-contact:" + clientKey);
    }

    /** The partner's latest requests, newest first. */
    public List<ContactRequest> of(WorkspaceId workspace, PartnerId partner, int limit) {
        return db.sql("""
                        select name, email, company, message, created_at from directory_contact
                        where workspace_id = ? and partner_id = ? order by created_at desc limit ?
                        """)
                .params(workspace.value(), partner.value(), limit)
                .query((rs, n) -> new ContactRequest(
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("company"),
                        rs.getString("message"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
