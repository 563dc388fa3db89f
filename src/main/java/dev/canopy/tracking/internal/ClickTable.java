package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.PGConnection;
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
     * Writes a batch with one {@code COPY}, which PostgreSQL applies all or nothing. If a retried batch
     * meets its own ids, the earlier attempt was committed (its answer was lost on the way back): the
     * batch is stored, once.
     */
    public void insert(List<Click> batch) {
        StringBuilder rows = new StringBuilder(batch.size() * 300);
        for (Click c : batch) {
            field(rows, c.id().toString()).append('\t');
            field(rows, c.workspace().value().toString()).append('\t');
            field(rows, c.linkId().toString()).append('\t');
            field(rows, c.partnerId().toString()).append('\t');
            field(rows, c.programId().toString()).append('\t');
            field(rows, c.at().toString()).append('\t');
            field(rows, c.visitor()).append('\t');
            field(rows, c.ip()).append('\t');
            field(rows, c.userAgent()).append('\t');
            field(rows, c.referrer()).append('\t');
            field(rows, c.paidAd()).append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "COPY tracking_click (id, workspace_id, link_id, partner_id, program_id, clicked_at, visitor,"
                                        + " ip, user_agent, referrer, paid_ad) FROM STDIN",
                                new StringReader(rows.toString()));
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return 0L;
                }
                throw e;
            } catch (IOException e) {
                throw new SQLException("Could not send clicks to PostgreSQL", e);
            }
        });
    }

    private static final String UNIQUE_VIOLATION = "23505";

    /** A value in COPY's text format: backslash escapes for the separators, \N for null. */
    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
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
