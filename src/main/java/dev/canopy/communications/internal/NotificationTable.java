package dev.canopy.communications.internal;

import dev.canopy.communications.NotificationTopic;
import dev.canopy.communications.NotificationView;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner users' notifications, always asked for by workspace and user: no one reads or marks another's. */
@Repository
public class NotificationTable {

    /** How a notification is mailed, decided by its user's preference when it is made. */
    public enum Mail {
        NONE,
        AT_ONCE,
        DIGEST
    }

    public record New(
            UUID partnerId, UUID partnerUserId, NotificationTopic topic, String subject, String link, String source) {}

    /** A user with digest notifications not yet mailed. */
    public record DigestDue(WorkspaceId workspace, UUID partnerId, UUID partnerUserId) {}

    private static final String COLUMNS = "id, topic, subject, link, created_at, read_at";

    private final JdbcClient db;

    NotificationTable(JdbcClient db) {
        this.db = db;
    }

    /** Answers false when the same source already notified this user (a replayed event). */
    public boolean insert(WorkspaceId workspace, UUID id, New n, Mail mail, Instant now) {
        return db.sql("""
                        insert into communications_notification (id, workspace_id, partner_id, partner_user_id, kind,
                            topic, subject, link, source, mail, mailed_at, created_at)
                        values (:id, :workspace, :partner, :user, :kind, :topic, :subject, :link, :source, :mail,
                            :mailedAt, :now)
                        on conflict (partner_user_id, source) do nothing
                        """)
                        .param("id", id)
                        .param("workspace", workspace.value())
                        .param("partner", n.partnerId())
                        .param("user", n.partnerUserId())
                        .param("kind", n.topic().kind().name())
                        .param("topic", n.topic().name())
                        .param("subject", n.subject())
                        .param("link", n.link())
                        .param("source", n.source())
                        .param("mail", mail.name())
                        .param("mailedAt", mail == Mail.AT_ONCE ? Timestamp.from(now) : null)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    public List<NotificationView> latest(WorkspaceId workspace, UUID partnerUser, int limit) {
        return db.sql("select " + COLUMNS + """
                         from communications_notification
                        where workspace_id = :workspace and partner_user_id = :user
                        order by created_at desc, id limit :limit
                        """)
                .param("workspace", workspace.value())
                .param("user", partnerUser)
                .param("limit", limit)
                .query((rs, n) -> view(rs))
                .list();
    }

    public long unread(WorkspaceId workspace, UUID partnerUser) {
        return db.sql("""
                        select count(*) from communications_notification
                        where workspace_id = :workspace and partner_user_id = :user and read_at is null
                        """)
                .param("workspace", workspace.value())
                .param("user", partnerUser)
                .query(Long.class)
                .single();
    }

    /** Marks one of the user's own notifications read; answers where it leads, empty when it is not theirs. */
    public Optional<String> markRead(WorkspaceId workspace, UUID partnerUser, UUID id, Instant now) {
        return db.sql("""
                        update communications_notification set read_at = coalesce(read_at, :now)
                        where workspace_id = :workspace and partner_user_id = :user and id = :id
                        returning link
                        """)
                .param("workspace", workspace.value())
                .param("user", partnerUser)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query(String.class)
                .optional();
    }

    /** Marks read the user's notifications that lead to {@code link} (an announcement opened from its list). */
    public void markReadByLink(WorkspaceId workspace, UUID partnerUser, String link, Instant now) {
        db.sql("""
                        update communications_notification set read_at = :now
                        where workspace_id = :workspace and partner_user_id = :user and link = :link and read_at is null
                        """)
                .param("workspace", workspace.value())
                .param("user", partnerUser)
                .param("link", link)
                .param("now", Timestamp.from(now))
                .update();
    }

    public int markAllRead(WorkspaceId workspace, UUID partnerUser, Instant now) {
        return db.sql("""
                        update communications_notification set read_at = :now
                        where workspace_id = :workspace and partner_user_id = :user and read_at is null
                        """)
                .param("workspace", workspace.value())
                .param("user", partnerUser)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Across workspaces, for the daily job. */
    public List<DigestDue> digestsDue() {
        return db.sql("""
                        select distinct workspace_id, partner_id, partner_user_id from communications_notification
                        where mail = 'DIGEST' and mailed_at is null
                        """)
                .query((rs, n) -> new DigestDue(
                        new WorkspaceId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class)))
                .list();
    }

    /**
     * Claims the user's digest notifications not yet mailed, marking them mailed in the caller's transaction: a
     * second run, or another node at the same time, finds none of them again.
     */
    public List<NotificationView> claimDigest(WorkspaceId workspace, UUID partnerUser, Instant now) {
        return db
                .sql("update communications_notification set mailed_at = :now"
                        + " where id in (select id from communications_notification"
                        + " where workspace_id = :workspace and partner_user_id = :user and mail = 'DIGEST'"
                        + " and mailed_at is null for update skip locked) returning " + COLUMNS)
                .param("workspace", workspace.value())
                .param("user", partnerUser)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> view(rs))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(NotificationView::createdAt))
                .toList();
    }

    private static NotificationView view(ResultSet rs) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new NotificationView(
                rs.getObject("id", UUID.class),
                NotificationTopic.valueOf(rs.getString("topic")),
                rs.getString("subject"),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
