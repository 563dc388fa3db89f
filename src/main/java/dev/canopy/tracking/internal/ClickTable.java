package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
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
     * Writes a batch with one binary {@code COPY} (PostgreSQL parses no text) and adds it to the rollups, counted
     * here rather than by a trigger over the copied rows (ADR 35), all or nothing. If a
     * retried batch meets its own ids, the earlier attempt was committed (its answer was lost on the way
     * back): the batch is stored, once. The commit does not wait for its WAL to reach the disk: clicks wait
     * in memory before this anyway, and the flush wait kept the one writer from keeping up with the
     * redirect; a crash of PostgreSQL itself may lose the last fraction of a second of clicks (ADR 20).
     */
    public void insert(List<Click> batch) {
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            boolean own = connection.getAutoCommit();
            if (own) {
                connection.setAutoCommit(false);
            }
            CopyIn copy = null;
            try {
                if (own) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("set local synchronous_commit to off");
                    }
                }
                copy = connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY tracking_click (id, workspace_id, link_id, partner_id, program_id, clicked_at,"
                                + " visitor, ip, user_agent, referrer, paid_ad) FROM STDIN (FORMAT binary)");
                sendRows(batch, new Rows(copy));
                long copied = copy.endCopy();
                ClickRollups.add(connection, ClickRollups.of(batch));
                if (own) {
                    connection.commit();
                }
                return copied;
            } catch (SQLException | RuntimeException e) {
                // A copy left open would hold the pooled connection in COPY mode for its next user.
                if (copy != null && copy.isActive()) {
                    copy.cancelCopy();
                }
                if (own) {
                    connection.rollback();
                }
                if (e instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return 0L;
                }
                throw e;
            } finally {
                if (own) {
                    connection.setAutoCommit(true);
                }
            }
        });
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private static final byte[] BINARY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    // PostgreSQL counts timestamps in microseconds from 2000-01-01T00:00:00Z.
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    // Below G1's humongous size (half a region, 512 KB in the documented 512 MB heap): a whole batch in one array
    // was 1.6 MB a time, and each started a concurrent cycle and its mixed collections (ADR 37).
    private static final int CHUNK = 64 * 1024;

    /** The batch in COPY's binary format: a header, per row the field count and each field sized. */
    private static void sendRows(List<Click> batch, Rows out) throws SQLException {
        out.bytes(BINARY_SIGNATURE).integer(0).integer(0); // flags, header extension
        for (Click c : batch) {
            out.room(2 + 5 * 20 + 12).shortInt(11);
            out.uuid(c.id())
                    .uuid(c.workspace().value())
                    .uuid(c.linkId())
                    .uuid(c.partnerId())
                    .uuid(c.programId());
            out.integer(8)
                    .longInt(c.at().getEpochSecond() * 1_000_000L + c.at().getNano() / 1_000 - POSTGRES_EPOCH_MICROS);
            out.text(c.visitor())
                    .text(c.ip())
                    .text(c.userAgent())
                    .text(c.referrer())
                    .text(c.paidAd());
        }
        out.room(2).shortInt(-1).flush();
    }

    /**
     * Big-endian numbers, as COPY's binary format wants them, written into one array of {@link #CHUNK} bytes that is
     * sent to PostgreSQL whenever the next field would not fit: a stream's per-byte writes were the writer's largest
     * cost at the redirect benchmark's click rate (ADR 20).
     */
    private static final class Rows {
        private final CopyIn copy;
        private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);

        Rows(CopyIn copy) {
            this.copy = copy;
        }

        Rows room(int bytes) throws SQLException {
            if (buffer.remaining() < bytes) {
                flush();
            }
            return this;
        }

        void flush() throws SQLException {
            copy.writeToCopy(buffer.array(), 0, buffer.position());
            buffer.clear();
        }

        Rows bytes(byte[] value) throws SQLException {
            if (value.length > CHUNK) {
                flush();
                copy.writeToCopy(value, 0, value.length);
                return this;
            }
            room(value.length).buffer.put(value);
            return this;
        }

        Rows shortInt(int value) {
            buffer.putShort((short) value);
            return this;
        }

        Rows integer(int value) throws SQLException {
            room(4).buffer.putInt(value);
            return this;
        }

        Rows longInt(long value) {
            buffer.putLong(value);
            return this;
        }

        Rows uuid(UUID id) {
            buffer.putInt(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
            return this;
        }

        Rows text(String value) throws SQLException {
            if (value == null) {
                return integer(-1);
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            return integer(utf8.length).bytes(utf8);
        }
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
