package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.canopy.testing.ExternalDatabase;
import dev.canopy.testing.PackagedCanopy;
import dev.canopy.testing.TemporaryFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two Canopy processes (two {@code java -jar canopy.jar}) on one PostgreSQL, both with the monthly payout
 * schedule firing every second: the month's run is made once, by one of them, and each approved commission
 * is claimed by that run alone. The data is the demo workspace's, loaded by a first process beforehand.
 */
class TwoCanopyProcessesScheduleOneRunIT {

    private static final String EVERY_SECOND = "* * * * * *";
    private static final Pattern STARTED = Pattern.compile("Started scheduled payout run (PR-\\d+)");
    private static final String STARTED_BEFORE = "was started before";

    @Test
    void bothTryEverySecondAndOneRunIsMade() throws Exception {
        Path work = Files.createTempDirectory("canopy-two-nodes-");
        try (var folder = TemporaryFolders.deletedOnClose(work);
                ExternalDatabase database = ExternalDatabase.start(work.resolve("postgres"))) {
            try (PackagedCanopy seeder = PackagedCanopy.start(
                    "seeder",
                    work,
                    database.environment(),
                    "--canopy.demo.enabled=true",
                    "--canopy.mail.sink.enabled=true",
                    "--canopy.payouts.schedule-cron=-")) {
                seeder.awaitReady(); // the demo data is loaded
            }
            int approved = makeLastMonthsRunDue(database);
            assertThat(approved).as("approved commissions waiting for a run").isPositive();

            Map<String, String> env = database.environment();
            String[] scheduleEverySecond = {
                "--canopy.payouts.schedule-cron=" + EVERY_SECOND, "--logging.level.dev.canopy.payouts.PayoutRuns=DEBUG"
            };
            try (PackagedCanopy one = PackagedCanopy.start("node-1", work, env, scheduleEverySecond);
                    PackagedCanopy two = PackagedCanopy.start("node-2", work, env, scheduleEverySecond)) {
                try {
                    one.awaitReady();
                    two.awaitReady();
                    turnScheduleOn(database);
                    awaitBothTried(one, two);
                    assertOneRunClaimedEverything(database, approved);
                    String outputs = one.output() + two.output();
                    assertThat(STARTED.matcher(outputs).results().count())
                            .as("processes that started the run")
                            .isEqualTo(1);
                    assertThat(outputs).doesNotContain("Scheduled payout run of workspace");
                } catch (Throwable e) {
                    one.dumpOutput("two nodes, one run: failed");
                    two.dumpOutput("two nodes, one run: failed");
                    throw e;
                }
            }
        }
    }

    /**
     * The demo approves its commissions as it loads; the month they count in is moved back a month and the
     * schedule set to NET-0, so last month's run is due whatever today's date. The schedule stays off until
     * both processes are up.
     */
    private static int makeLastMonthsRunDue(ExternalDatabase database) throws SQLException {
        try (Connection db = database.connect();
                Statement statement = db.createStatement()) {
            statement.executeUpdate("""
                    insert into payouts_settings (workspace_id, scheduled, net_days, updated_at)
                    select id, false, 0, now() from identity_workspace
                    on conflict (workspace_id) do update set scheduled = false, net_days = 0
                    """);
            return statement.executeUpdate("""
                    update commissions_commission set approved_at = date_trunc('month', now()) - interval '2 days'
                    where status = 'APPROVED'
                    """);
        }
    }

    /** Both processes tick on the second, so their next ticks try at the same moment. */
    private static void turnScheduleOn(ExternalDatabase database) throws SQLException {
        try (Connection db = database.connect();
                Statement statement = db.createStatement()) {
            statement.executeUpdate("update payouts_settings set scheduled = true");
        }
    }

    /** Each process tries every second: wait until both have tried after the run was made. */
    private static void awaitBothTried(PackagedCanopy one, PackagedCanopy two) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String first = one.output();
            String second = two.output();
            boolean started = STARTED.matcher(first + second).find();
            if (started && first.contains(STARTED_BEFORE) && second.contains(STARTED_BEFORE)) {
                return;
            }
            Thread.sleep(500);
        }
        fail("within 60 s, the scheduled run was not started, or one process never tried again after it");
    }

    private static void assertOneRunClaimedEverything(ExternalDatabase database, int approved) throws SQLException {
        try (Connection db = database.connect();
                Statement statement = db.createStatement()) {
            // The demo data paid a run of its own, started by hand (no period): only scheduled runs count here.
            List<String> runs = strings(statement, "select id::text from payouts_run where period is not null");
            assertThat(runs).as("scheduled payout runs").hasSize(1);
            String run = runs.getFirst();
            assertThat(number(
                            statement,
                            "select count(*) from commissions_commission where status = 'IN_PAYOUT'"
                                    + " and payout_run_id = '" + run + "'"))
                    .as("commissions the run claimed")
                    .isEqualTo(approved);
            assertThat(number(
                            statement,
                            "select count(*) from (select 1 from payouts_line where run_id = '" + run
                                    + "' group by partner_id, currency having count(*) > 1) twice"))
                    .as("partners with more than one line per currency")
                    .isZero();
            assertThat(number(statement, "select count(*) from payouts_line where run_id = '" + run + "'"))
                    .as("lines")
                    .isPositive();
            assertThat(number(
                            statement,
                            "select count(*) from audit_event where action = 'payouts.run-started'"
                                    + " and actor_kind = 'SYSTEM' and actor_id <> 'demo'"))
                    .as("scheduled runs started, as the audit log tells")
                    .isEqualTo(1);
        }
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static long number(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
