package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.partners.PartnerId;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.ReplicaReads;
import dev.canopy.platform.db.ReportingReplica;
import dev.canopy.shared.Actor;
import dev.canopy.testing.CanopyTest;
import dev.canopy.tracking.TrackingFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code canopy.analytics.datasource.url} set, the dashboards read the replica and nothing else does: the
 * replica here is a second database holding other figures than the main one, so a figure shows where it was read.
 */
@CanopyTest
class DashboardsReadFromTheReplica {

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        registry.add("canopy.analytics.datasource.url", ReportingReplica::url);
        registry.add("canopy.analytics.datasource.username", () -> "postgres");
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    @Autowired
    ReplicaReads reads;

    @Autowired
    Analytics analytics;

    @Test
    void reportsReadTheReplicaReadOnlyAndEverythingElseTheMainDatabase() {
        String main = db.sql("select current_database()").query(String.class).single();
        assertThat(reads.read(() ->
                        db.sql("select current_database()").query(String.class).single()))
                .isEqualTo(ReportingReplica.DATABASE)
                .isNotEqualTo(main);
        assertThatThrownBy(() -> reads.read(
                        () -> db.sql("create table reports_scratch (id int)").update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("read-only");
        // A report started inside a transaction of the main database stays on its connection.
        String joined = new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                .execute(s -> reads.read(() ->
                        db.sql("select current_database()").query(String.class).single()));
        assertThat(joined).isEqualTo(main);
    }

    /** Parallel workers cost a 2-core machine more than they save (ReplicaReads); outside reports they stay. */
    @Test
    void aReportsStatementsRunWithoutParallelWorkers() {
        String setting = "select current_setting('max_parallel_workers_per_gather')";

        assertThat(reads.read(() -> db.sql(setting).query(String.class).single()))
                .isEqualTo("0");
        assertThat(db.sql(setting).query(String.class).single()).isEqualTo("2");
    }

    @Test
    void theFunnelShowsTheReplicasFigures() {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        PartnerId partner = setup.partner();
        LocalDate today = analytics.today();
        // Two clicks on the main database...
        clicksInRollups(db, setup, today, 2);
        // ...and seven on the replica, which holds the workspace and the partner as a copy would.
        try (SingleConnectionDataSource replica =
                new SingleConnectionDataSource(ReportingReplica.url(), "postgres", "", true)) {
            JdbcClient copy = JdbcClient.create(replica);
            copyRow("identity_workspace", setup.tenant().id().value(), replica);
            copyRow("partners_partner", partner.value(), replica);
            clicksInRollups(copy, setup, today, 7);
        }

        FunnelReport funnel = AsSystem.in(
                setup.tenant().id(),
                Actor.system(),
                () -> analytics.funnel(new FunnelQuery(new Period(today, today), null, null)));

        assertThat(funnel.current().clicks()).isEqualTo(7);
        assertThat(funnel.partners()).singleElement().satisfies(row -> {
            assertThat(row.partner()).isEqualTo(partner);
            assertThat(row.clicks()).isEqualTo(7);
        });
    }

    /** Clicks of the set-up's partner on {@code day}, in the daily and the monthly rollup of {@code db}. */
    private static void clicksInRollups(JdbcClient db, TrackingFixtures.Setup setup, LocalDate day, int clicks) {
        UUID link = UUID.randomUUID();
        for (String rollup :
                List.of("tracking_click_day (workspace_id, day", "tracking_click_month (workspace_id, month")) {
            db.sql("insert into " + rollup + ", link_id, partner_id, program_id, clicks, paid_ad_clicks)"
                            + " values (?, ?, ?, ?, ?, ?, 0)")
                    .params(
                            setup.tenant().id().value(),
                            rollup.contains("month") ? day.withDayOfMonth(1) : day,
                            link,
                            setup.partner().value(),
                            setup.program().id().value(),
                            clicks)
                    .update();
        }
    }

    /** One row of a table, as the replica would have received it. */
    private void copyRow(String table, UUID id, DataSource replica) {
        Map<String, Object> row = db.sql("select * from " + table + " where id = ?")
                .param(id)
                .query()
                .singleRow();
        List<String> columns = new ArrayList<>(row.keySet());
        JdbcClient.create(replica)
                .sql("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")")
                .params(columns.stream().map(row::get).toList())
                .update();
    }
}
