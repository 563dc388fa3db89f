package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
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
     * Writes a batch with one binary {@code COPY} (PostgreSQL parses no text), applied all or nothing. If a
     * retried batch meets its own ids, the earlier attempt was committed (its answer was lost on the way
     * back): the batch is stored, once.
     */
    public void insert(List<Click> batch) {
        byte[] rows = binaryRows(batch);
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "COPY tracking_click (id, workspace_id, link_id, partner_id, program_id, clicked_at, visitor,"
                                        + " ip, user_agent, referrer, paid_ad) FROM STDIN (FORMAT binary)",
                                new ByteArrayInputStream(rows));
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
    private static final byte[] BINARY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    // PostgreSQL counts timestamps in microseconds from 2000-01-01T00:00:00Z.
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    /** The batch in COPY's binary format: a header, per row the field count and each field sized. */
    private static byte[] binaryRows(List<Click> batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(batch.size() * 260);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(BINARY_SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension
            for (Click c : batch) {
                out.writeShort(11);
                uuid(out, c.id());
                uuid(out, c.workspace().value());
                uuid(out, c.linkId());
                uuid(out, c.partnerId());
                uuid(out, c.programId());
                out.writeInt(8);
                out.writeLong(c.at().getEpochSecond() * 1_000_000L + c.at().getNano() / 1_000 - POSTGRES_EPOCH_MICROS);
                text(out, c.visitor());
                text(out, c.ip());
                text(out, c.userAgent());
                text(out, c.referrer());
                text(out, c.paidAd());
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void uuid(DataOutputStream out, UUID id) throws IOException {
        out.writeInt(16);
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    public Optional<StoredClick> find(WorkspaceId workspace, UUID id) {
        return db.sql("""
                        select id, link_id, partner_id, program_id, clicked_at, visitor, paid_ad from tracking_click
                        where workspace_id = ? and id = ?
                        """)
                .params(workspace.value(), id)
                .query(ClickTable::stored)
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
                .query(ClickTable::stored)
                .optional();
    }

    /** A partner's valid clicks in one programme on one day. */
    public record DailyCount(UUID partnerId, UUID programId, LocalDate day, long clicks) {}

    /**
     * Valid clicks on the programmes' links from {@code from} to {@code to}, per partner, programme and day
     * in {@code zone}. Bots are never stored, but the user agents are checked again against today's list,
     * which may know a crawler that the redirect did not yet. A visitor's click on a link within the hour
     * after its previous stored one is a repeat: each node remembers its own visitors (ADR 14), so several
     * nodes may each have stored it once.
     */
    public List<DailyCount> dailyValid(
            WorkspaceId workspace, Collection<UUID> programs, Instant from, Instant to, ZoneId zone) {
        return db.sql("""
                        with clicks as (
                            select c.partner_id, c.program_id, c.clicked_at,
                                   lag(c.clicked_at) over (partition by c.link_id, c.visitor order by c.clicked_at, c.id)
                                       as previous
                            from tracking_click c
                            where c.workspace_id = ? and c.program_id = any(?::uuid[])
                              and c.clicked_at >= ? and c.clicked_at < ?
                              and btrim(coalesce(c.user_agent, '')) <> ''
                              and not exists (select 1 from unnest(?::text[]) f where strpos(lower(c.user_agent), f) > 0)
                        )
                        select partner_id, program_id, (clicked_at at time zone ?)::date as day, count(*) from clicks
                        where clicked_at >= ? and (previous is null or clicked_at >= previous + make_interval(secs => ?))
                        group by partner_id, program_id, day
                        """)
                .params(
                        workspace.value(),
                        programs.toArray(UUID[]::new),
                        Timestamp.from(from.minus(RecentVisitors.WINDOW)),
                        Timestamp.from(to),
                        BotFilter.automatedFragments().toArray(String[]::new),
                        zone.getId(),
                        Timestamp.from(from),
                        RecentVisitors.WINDOW.toSeconds())
                .query((rs, n) -> new DailyCount(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getLong(4)))
                .list();
    }

    private static StoredClick stored(java.sql.ResultSet rs, int n) throws SQLException {
        return new StoredClick(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                rs.getTimestamp(5).toInstant(),
                rs.getString(6),
                rs.getString(7));
    }
}
