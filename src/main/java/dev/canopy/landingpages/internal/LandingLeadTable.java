package dev.canopy.landingpages.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.platform.TransactionLocks;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Leads taken through partners' landing pages, one per form token. */
@Repository
public class LandingLeadTable {

    /** A checked lead, ready to store. */
    public record Checked(
            UUID token,
            String name,
            String email,
            @Nullable String company,
            @Nullable String message,
            @Nullable UUID clickId) {}

    private final JdbcClient db;

    LandingLeadTable(JdbcClient db) {
        this.db = db;
    }

    /** Stores the lead; false when a lead with its token was stored before (the form sent again). */
    public boolean insert(
            WorkspaceId workspace, PartnerId partner, UUID template, Checked c, String clientKey, Instant at) {
        return db.sql("""
                        insert into landingpages_lead (workspace_id, token, partner_id, template_id, name, email,
                                                       company, message, click_id, client_key, created_at)
                        values (:workspace, :token, :partner, :template, :name, :email, :company, :message, :click,
                                :client, :at)
                        on conflict (workspace_id, token) do nothing
                        """)
                        .param("workspace", workspace.value())
                        .param("token", c.token())
                        .param("partner", partner.value())
                        .param("template", template)
                        .param("name", c.name())
                        .param("email", c.email())
                        .param("company", c.company())
                        .param("message", c.message())
                        .param("click", c.clickId())
                        .param("client", clientKey)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    /** Leads from one client since {@code since}, in every workspace: what the rate limit counts. */
    public int countSince(String clientKey, Instant since) {
        return db.sql("select count(*) from landingpages_lead where client_key = ? and created_at >= ?")
                .params(clientKey, Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** Serializes one client's leads, so that two at once cannot both pass the rate limit. */
    public void lock(String clientKey) {
        TransactionLocks.lock(db, "landingpages-lead:" + clientKey);
    }
}
