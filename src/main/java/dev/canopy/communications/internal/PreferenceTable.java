package dev.canopy.communications.internal;

import dev.canopy.communications.Delivery;
import dev.canopy.communications.NotificationKind;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kinds a partner user has chosen a delivery for; kinds without a row take the default. */
@Repository
public class PreferenceTable {

    private final JdbcClient db;

    PreferenceTable(JdbcClient db) {
        this.db = db;
    }

    public Map<NotificationKind, Delivery> chosen(WorkspaceId workspace, UUID partnerUser) {
        Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
        db.sql("""
                        select kind, delivery from communications_preference
                        where workspace_id = :workspace and partner_user_id = :user
                        """)
                .param("workspace", workspace.value())
                .param("user", partnerUser)
                .query((rs, n) -> Map.entry(
                        NotificationKind.valueOf(rs.getString("kind")), Delivery.valueOf(rs.getString("delivery"))))
                .list()
                .forEach(e -> chosen.put(e.getKey(), e.getValue()));
        return chosen;
    }

    public void save(WorkspaceId workspace, UUID partnerUser, NotificationKind kind, Delivery delivery, Instant now) {
        db.sql("""
                        insert into communications_preference (workspace_id, partner_user_id, kind, delivery, updated_at)
                        select :workspace, u.id, :kind, :delivery, :now from identity_partner_user u
                        where u.id = :user and u.workspace_id = :workspace
                        on conflict (partner_user_id, kind)
                        do update set delivery = excluded.delivery, updated_at = excluded.updated_at
                        """)
                .param("workspace", workspace.value())
                .param("user", partnerUser)
                .param("kind", kind.name())
                .param("delivery", delivery.name())
                .param("now", Timestamp.from(now))
                .update();
    }
}
