package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The click rollups (ADR 19): per link and day, per link and month, per programme and day over the workspace.
 * Stored clicks are added in the transaction that stores them, counted here from the batch the writer holds
 * (ADR 35); repeats and bots, which are never stored, about once a second from {@link VisitTally}.
 */
@Repository
public class ClickRollups {

    /** What one link gained on one UTC day. */
    record Counts(
            WorkspaceId workspace,
            LocalDate day,
            UUID link,
            UUID partner,
            UUID program,
            long clicks,
            long paidAdClicks,
            long repeats,
            long bots) {}

    private static final long SECONDS_PER_DAY = 86_400;

    // Days, then months, then totals, each sorted: two transactions that touch the same rows lock them in the
    // same order, so they never deadlock (one statement's data-modifying parts would run in no set order).
    private static final List<String> UPSERTS = List.of("""
            insert into tracking_click_day
                (workspace_id, day, link_id, partner_id, program_id, clicks, paid_ad_clicks, repeats, bots)
            select * from counts order by 1, 2, 3
            on conflict (workspace_id, day, link_id) do update
                set clicks         = tracking_click_day.clicks + excluded.clicks,
                    paid_ad_clicks = tracking_click_day.paid_ad_clicks + excluded.paid_ad_clicks,
                    repeats        = tracking_click_day.repeats + excluded.repeats,
                    bots           = tracking_click_day.bots + excluded.bots
            """, """
            insert into tracking_click_month
                (workspace_id, month, link_id, partner_id, program_id, clicks, paid_ad_clicks, repeats, bots)
            select workspace_id, date_trunc('month', day)::date, link_id, min(partner_id::text)::uuid,
                   min(program_id::text)::uuid, sum(clicks), sum(paid_ad_clicks), sum(repeats), sum(bots)
            from counts group by 1, 2, 3 order by 1, 2, 3
            on conflict (workspace_id, month, link_id) do update
                set clicks         = tracking_click_month.clicks + excluded.clicks,
                    paid_ad_clicks = tracking_click_month.paid_ad_clicks + excluded.paid_ad_clicks,
                    repeats        = tracking_click_month.repeats + excluded.repeats,
                    bots           = tracking_click_month.bots + excluded.bots
            """, """
            insert into tracking_click_total_day (workspace_id, day, program_id, clicks, repeats, bots)
            select workspace_id, day, program_id, sum(clicks), sum(repeats), sum(bots)
            from counts group by 1, 2, 3 order by 1, 2, 3
            on conflict (workspace_id, day, program_id) do update
                set clicks  = tracking_click_total_day.clicks + excluded.clicks,
                    repeats = tracking_click_total_day.repeats + excluded.repeats,
                    bots    = tracking_click_total_day.bots + excluded.bots
            """);

    private static final String COUNTS = """
            with counts as (
                select * from unnest(?::uuid[], ?::text[]::date[], ?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::bigint[],
                                     ?::bigint[], ?::bigint[])
                    as t(workspace_id, day, link_id, partner_id, program_id, clicks, paid_ad_clicks, repeats, bots)
            )
            """;

    private final JdbcTemplate jdbc;

    ClickRollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Repeats and bots, all or nothing. */
    @Transactional
    public void addVisits(List<VisitTally.Visits> visits) {
        if (visits.isEmpty()) {
            return;
        }
        List<Counts> counts = visits.stream()
                .map(v -> new Counts(
                        v.workspace(), v.day(), v.link(), v.partner(), v.program(), 0, 0, v.repeats(), v.bots()))
                .toList();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            add(connection, counts);
            return null;
        });
    }

    /**
     * A batch of stored clicks, per link and UTC day: a few rows, however many clicks. A link is one partner's in one
     * programme of one workspace, so the link and the day are the key; the day stays an epoch day until the end.
     */
    static List<Counts> of(List<Click> batch) {
        Map<Key, Tally> tallies = new HashMap<>();
        for (Click click : batch) {
            Key key = new Key(click.linkId(), Math.floorDiv(click.at().getEpochSecond(), SECONDS_PER_DAY));
            Tally tally = tallies.get(key);
            if (tally == null) {
                tally = new Tally(click);
                tallies.put(key, tally);
            }
            tally.clicks++;
            if (click.paidAd() != null) {
                tally.paidAdClicks++;
            }
        }
        List<Counts> counts = new ArrayList<>(tallies.size());
        tallies.forEach((key, tally) -> counts.add(new Counts(
                tally.first.workspace(),
                LocalDate.ofEpochDay(key.epochDay()),
                key.link(),
                tally.first.partnerId(),
                tally.first.programId(),
                tally.clicks,
                tally.paidAdClicks,
                0,
                0)));
        return counts;
    }

    private record Key(UUID link, long epochDay) {}

    private static final class Tally {
        final Click first;
        long clicks;
        long paidAdClicks;

        Tally(Click first) {
            this.first = first;
        }
    }

    /** Adds the counts on the caller's connection, in its transaction. */
    static void add(Connection connection, List<Counts> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        Array[] columns = {
            connection.createArrayOf(
                    "uuid", counts.stream().map(c -> c.workspace().value()).toArray()),
            connection.createArrayOf(
                    "text", counts.stream().map(c -> c.day().toString()).toArray()),
            connection.createArrayOf("uuid", counts.stream().map(Counts::link).toArray()),
            connection.createArrayOf(
                    "uuid", counts.stream().map(Counts::partner).toArray()),
            connection.createArrayOf(
                    "uuid", counts.stream().map(Counts::program).toArray()),
            connection.createArrayOf(
                    "bigint", counts.stream().map(Counts::clicks).toArray()),
            connection.createArrayOf(
                    "bigint", counts.stream().map(Counts::paidAdClicks).toArray()),
            connection.createArrayOf(
                    "bigint", counts.stream().map(Counts::repeats).toArray()),
            connection.createArrayOf("bigint", counts.stream().map(Counts::bots).toArray())
        };
        for (String upsert : UPSERTS) {
            try (PreparedStatement statement = connection.prepareStatement(COUNTS + upsert)) {
                for (int i = 0; i < columns.length; i++) {
                    statement.setArray(i + 1, columns[i]);
                }
                statement.executeUpdate();
            }
        }
    }
}
