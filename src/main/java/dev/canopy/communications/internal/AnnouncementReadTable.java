package dev.canopy.communications.internal;

import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read receipts: one row per partner user and announcement, the first time they opened it. */
@Repository
public class AnnouncementReadTable {

    public record Receipt(UUID partnerUserId, UUID partnerId, Instant readAt) {}

    private final JdbcClient db;

    AnnouncementReadTable(JdbcClient db) {
        this.db = db;
    }

    /** Records the first reading; a second one changes nothing. Answers whether this one was the first. */
    public boolean markRead(WorkspaceId workspace, UUID announcement, UUID partnerUser, UUID partner, Instant now) {
        return db.sql("""
                        insert into communications_announcement_read
                            (workspace_id, announcement_id, partner_user_id, partner_id, read_at)
                        select :workspace, a.id, :user, :partner, :now from communications_announcement a
                        where a.id = :announcement and a.workspace_id = :workspace
                        on conflict (announcement_id, partner_user_id) do nothing
                        """)
                        .param("workspace", workspace.value())
                        .param("announcement", announcement)
                        .param("user", partnerUser)
                        .param("partner", partner)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The announcements this partner user has opened. */
    public Set<UUID> readBy(WorkspaceId workspace, UUID partnerUser) {
        return new HashSet<>(db.sql("""
                        select announcement_id from communications_announcement_read
                        where workspace_id = :workspace and partner_user_id = :user
                        """)
                .param("workspace", workspace.value())
                .param("user", partnerUser)
                .query(UUID.class)
                .list());
    }

    public List<Receipt> receipts(WorkspaceId workspace, UUID announcement) {
        return db.sql("""
                        select partner_user_id, partner_id, read_at from communications_announcement_read
                        where workspace_id = :workspace and announcement_id = :announcement order by read_at, partner_user_id
                        """)
                .param("workspace", workspace.value())
                .param("announcement", announcement)
                .query((rs, n) -> new Receipt(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }
}
