package dev.canopy.comarketing.internal;

import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deal registrations each MDF activity brought. */
@Repository
public class ActivityDealTable {

    private final JdbcClient db;

    ActivityDealTable(JdbcClient db) {
        this.db = db;
    }

    /** Links the deal; answers false when it counts for an activity already. */
    public boolean link(WorkspaceId workspace, UUID request, UUID deal, String by, Instant at) {
        return db.sql("""
                        insert into comarketing_activity_deal (workspace_id, request_id, deal_id, linked_by, linked_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing
                        """)
                        .params(workspace.value(), request, deal, by, Timestamp.from(at))
                        .update()
                == 1;
    }

    public void unlink(WorkspaceId workspace, UUID request, UUID deal) {
        db.sql("delete from comarketing_activity_deal where workspace_id = ? and request_id = ? and deal_id = ?")
                .params(workspace.value(), request, deal)
                .update();
    }

    public Optional<UUID> activityOf(WorkspaceId workspace, UUID deal) {
        return db.sql("select request_id from comarketing_activity_deal where workspace_id = ? and deal_id = ?")
                .params(workspace.value(), deal)
                .query(UUID.class)
                .optional();
    }

    /** The deals of every activity of the workspace, by activity. */
    public Map<UUID, List<UUID>> all(WorkspaceId workspace) {
        return db
                .sql(
                        "select request_id, deal_id from comarketing_activity_deal where workspace_id = ? order by linked_at")
                .param(workspace.value())
                .query((rs, n) ->
                        Map.entry(rs.getObject("request_id", UUID.class), rs.getObject("deal_id", UUID.class)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
