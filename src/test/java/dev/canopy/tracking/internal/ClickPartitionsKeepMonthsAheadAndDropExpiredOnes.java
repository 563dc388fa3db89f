package dev.canopy.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.shared.WorkspaceId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a database of its own (dropping months would take other tests' clicks): a click lands in its month's
 * partition, months are made ahead, a month past the retention is detached and dropped with its clicks while
 * the daily rollup keeps their count, and a click of a month without a partition still lands (the default).
 */
class ClickPartitionsKeepMonthsAheadAndDropExpiredOnes {

    private static final UUID PARTNER = UUID.randomUUID();
    private static final UUID PROGRAM = UUID.randomUUID();

    private static EmbeddedPostgres postgres;
    private static JdbcClient db;
    private static ClickPartitions partitions;
    private static ClickTable clicks;

    @BeforeAll
    static void migratedDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        DataSource source = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        db = JdbcClient.create(source);
        clicks = new ClickTable(new JdbcTemplate(source), db);
        partitions = new ClickPartitions(
                db, new TransactionTemplate(new DataSourceTransactionManager(source)), Clock.systemUTC(), 25);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void monthsAheadClicksInTheirMonthAndExpiredMonthsDropped() {
        assertThat(partitions.makeAhead(YearMonth.of(2031, 6)))
                .containsExactly(YearMonth.of(2031, 6), YearMonth.of(2031, 7), YearMonth.of(2031, 8));
        assertThat(partitions.makeAhead(YearMonth.of(2031, 6))).as("made once").isEmpty();
        UUID workspace = UUID.randomUUID();
        UUID link = UUID.randomUUID();
        click(workspace, link, "2031-07-14T10:00:00Z");
        click(workspace, link, "2031-07-14T11:00:00Z");
        click(workspace, link, "2035-01-01T00:00:00Z");
        assertThat(db.sql("select tableoid::regclass::text from tracking_click where clicked_at < '2032-01-01'")
                        .query(String.class)
                        .list())
                .containsOnly("tracking_click_2031_07");
        assertThat(db.sql("select tableoid::regclass::text from tracking_click where clicked_at >= '2035-01-01'")
                        .query(String.class)
                        .single())
                .isEqualTo("tracking_click_default");

        assertThat(partitions.dropBefore(YearMonth.of(2031, 8)))
                .contains(YearMonth.of(2031, 6), YearMonth.of(2031, 7))
                .doesNotContain(YearMonth.of(2031, 8));

        assertThat(partitions.months()).allSatisfy(m -> assertThat(m).isAfterOrEqualTo(YearMonth.of(2031, 8)));
        assertThat(db.sql("select count(*) from tracking_click where workspace_id = ?")
                        .param(workspace)
                        .query(Long.class)
                        .single())
                .as("the default partition is never dropped")
                .isEqualTo(1);
        assertThat(db.sql(
                                "select day::text || ' ' || clicks from tracking_click_day where workspace_id = ? order by day")
                        .param(workspace)
                        .query(String.class)
                        .list())
                .containsExactly("2031-07-14 2", "2035-01-01 1");
    }

    /** Through the writer's own path, which adds the click to the rollups too. */
    private static void click(UUID workspace, UUID link, String at) {
        clicks.insert(List.of(new Click(
                UUID.randomUUID(),
                new WorkspaceId(workspace),
                link,
                PARTNER,
                PROGRAM,
                OffsetDateTime.parse(at).toInstant(),
                "v",
                null,
                null,
                null,
                null)));
    }
}
