package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ClickTable {

    /** A stored click, as attribution reads it. */
    public record StoredClick(
            UUID id, UUID linkId, UUID partnerId, UUID programId, Instant at, String visitor, String paidAd) {}

    private final JdbcTemplate jdbc;
    private final JdbcClient db;

    ClickTable(JdbcTemplate jdbc, JdbcClient db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    /**
     * Writes a batch in one statement (one array per column, unnested by PostgreSQL). Ids already stored
     * are skipped, so a batch retried after an unclear failure is never written twice.
     */
    public int insert(List<Click> batch) {
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into tracking_click (id, workspace_id, link_id, partner_id, program_id, clicked_at, visitor, ip,
                      user_agent, referrer, paid_ad)
                    select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[],
                      ?::text[], ?::text[], ?::text[], ?::text[])
                    on conflict (id) do nothing
                    """)) {
                insert.setArray(1, array(connection, "uuid", batch, Click::id));
                insert.setArray(
                        2, array(connection, "uuid", batch, c -> c.workspace().value()));
                insert.setArray(3, array(connection, "uuid", batch, Click::linkId));
                insert.setArray(4, array(connection, "uuid", batch, Click::partnerId));
                insert.setArray(5, array(connection, "uuid", batch, Click::programId));
                insert.setArray(6, array(connection, "timestamptz", batch, c -> Timestamp.from(c.at())));
                insert.setArray(7, array(connection, "text", batch, Click::visitor));
                insert.setArray(8, array(connection, "text", batch, Click::ip));
                insert.setArray(9, array(connection, "text", batch, Click::userAgent));
                insert.setArray(10, array(connection, "text", batch, Click::referrer));
                insert.setArray(11, array(connection, "text", batch, Click::paidAd));
                return insert.executeUpdate();
            }
        });
    }

    private static Array array(Connection connection, String type, List<Click> batch, Function<Click, Object> column)
            throws SQLException {
        Object[] values = new Object[batch.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(batch.get(i));
        }
        return connection.createArrayOf(type, values);
    }

    public Optional<StoredClick> find(WorkspaceId workspace, UUID id) {
        return db.sql("""
                        select id, link_id, partner_id, program_id, clicked_at, visitor, paid_ad from tracking_click
                        where workspace_id = ? and id = ?
                        """)
                .params(workspace.value(), id)
                .query((rs, n) -> new StoredClick(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getString(7)))
                .optional();
    }

    /** The visitor's earliest click on the programme's links since {@code since}: first-click attribution. */
    public Optional<StoredClick> firstOfVisitor(WorkspaceId workspace, String visitor, UUID program, Instant since) {
        return db.sql("""
                        select id, link_id, partner_id, program_id, clicked_at, visitor, paid_ad from tracking_click
                        where workspace_id = ? and visitor = ? and program_id = ? and clicked_at >= ?
                        order by clicked_at, id limit 1
                        """)
                .params(workspace.value(), visitor, program, Timestamp.from(since))
                .query((rs, n) -> new StoredClick(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getString(7)))
                .optional();
    }
}
