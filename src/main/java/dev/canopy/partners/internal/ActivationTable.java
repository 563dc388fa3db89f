package dev.canopy.partners.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When partners were approved, and how many are active or dormant: activation, for analytics. */
@Repository
public class ActivationTable {

    public record Active(long active, long dormant) {}

    private final JdbcClient db;

    ActivationTable(JdbcClient db) {
        this.db = db;
    }

    /**
     * Partners first approved (or made active) from {@code from} (included) to {@code to} (excluded), with that
     * moment; one created active without a recorded change counts from its creation.
     */
    public Map<PartnerId, Instant> approvedBetween(WorkspaceId workspace, Instant from, Instant to) {
        Map<PartnerId, Instant> approved = new HashMap<>();
        db.sql("""
                        select p.id, coalesce(
                                   (select min(c.changed_at) from partners_status_change c
                                    where c.partner_id = p.id and c.to_status in ('APPROVED', 'ACTIVE')),
                                   case when p.status in ('APPROVED', 'ACTIVE') then p.created_at end) as approved_at
                        from partners_partner p
                        where p.workspace_id = :workspace
                        """)
                .param("workspace", workspace.value())
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(2);
                    if (at != null
                            && !at.toInstant().isBefore(from)
                            && at.toInstant().isBefore(to)) {
                        approved.put(new PartnerId(rs.getObject(1, UUID.class)), at.toInstant());
                    }
                    return null;
                })
                .list();
        return approved;
    }

    /** Active partners now, and how many of them are dormant (nothing for the workspace's dormancy days). */
    public Active active(WorkspaceId workspace, Instant now) {
        return db.sql("""
                        select count(*) filter (where p.status = 'ACTIVE'),
                               count(*) filter (where p.status = 'ACTIVE'
                                   and coalesce(p.last_activity_at, p.created_at)
                                       < cast(:now as timestamptz) - make_interval(days => coalesce(s.dormancy_days, 60)))
                        from partners_partner p left join partners_settings s on s.workspace_id = p.workspace_id
                        where p.workspace_id = :workspace
                        """)
                .param("workspace", workspace.value())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Active(rs.getLong(1), rs.getLong(2)))
                .single();
    }
}
