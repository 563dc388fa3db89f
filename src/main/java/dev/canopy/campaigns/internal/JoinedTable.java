package dev.canopy.campaigns.internal;

import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The moment each partner user joined, as the joining event told it; the first telling stands. */
@Repository
public class JoinedTable {

    /** A partner user who joined, of a workspace's partner. */
    public record Joined(WorkspaceId workspace, UUID partner, UUID partnerUser) {}

    private final JdbcClient db;

    JoinedTable(JdbcClient db) {
        this.db = db;
    }

    public void record(WorkspaceId workspace, UUID partner, UUID partnerUser, Instant at) {
        db.sql("""
                        insert into campaigns_joined (partner_user_id, workspace_id, partner_id, joined_at)
                        values (:user, :workspace, :partner, :at) on conflict (partner_user_id) do nothing
                        """)
                .param("user", partnerUser)
                .param("workspace", workspace.value())
                .param("partner", partner)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The workspace's users who joined in [from, to) and are not yet recipients of {@code campaign}. */
    public List<Joined> between(WorkspaceId workspace, UUID campaign, Instant from, Instant to) {
        return db.sql("""
                        select j.partner_id, j.partner_user_id from campaigns_joined j
                        where j.workspace_id = :workspace and j.joined_at >= :from and j.joined_at < :to
                          and not exists (select 1 from campaigns_recipient r
                                          where r.campaign_id = :campaign and r.partner_user_id = j.partner_user_id)
                        order by j.joined_at
                        """)
                .param("workspace", workspace.value())
                .param("campaign", campaign)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Joined(
                        workspace, rs.getObject("partner_id", UUID.class), rs.getObject("partner_user_id", UUID.class)))
                .list();
    }
}
