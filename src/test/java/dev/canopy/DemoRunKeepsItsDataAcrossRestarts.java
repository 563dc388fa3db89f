package dev.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.Commissions;
import dev.canopy.identity.Workspaces;
import dev.canopy.identity.internal.DemoWorkspace;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.Partners;
import dev.canopy.payouts.Form1099Flag;
import dev.canopy.payouts.Form1099Report;
import dev.canopy.payouts.Form1099Row;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ApplicationQuery;
import dev.canopy.programs.ApplicationStatus;
import dev.canopy.programs.Recruitment;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What `./mvnw spring-boot:run` does: the demo profile on a data directory that outlives the process. */
@ExtendWith(OutputCaptureExtension.class)
class DemoRunKeepsItsDataAcrossRestarts {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        // Arguments, not default properties: they must win over application-demo.properties.
        return new SpringApplicationBuilder(CanopyApplication.class)
                .profiles("demo")
                .run(
                        "--server.port=0",
                        "--canopy.base-url=http://canopy.test:8091",
                        "--canopy.embedded-postgres.port=0",
                        "--canopy.embedded-postgres.data-dir=" + data.resolve("postgres"),
                        "--canopy.mail.sink.port=0");
    }

    @Test
    void theDemoWorkspaceIsLoadedOnceAndNewDataSurvivesARestart(CapturedOutput log) {
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient db = first.getBean(JdbcClient.class);
            assertThat(db.sql(
                                    "select count(*) from identity_membership m join identity_workspace w on w.id = m.workspace_id where w.slug = 'northwind'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(6);
            assertThat(deals(db)).isEqualTo(7);
            // Each member's demo link is its personal link: opening My links finds it and makes no second one.
            assertThat(db.sql("""
                                    select count(*) from programs_membership m
                                    where (select count(*) from tracking_link l where l.workspace_id = m.workspace_id
                                           and l.partner_id = m.partner_id and l.program_id = m.program_id
                                           and l.personal) <> 1
                                    """).query(Long.class).single()).isZero();
            assertThat(db.sql("select count(*) from deals_conflict")
                            .query(Long.class)
                            .single())
                    .as("Bluebird's registration and Northstar's, each pointing at the other")
                    .isEqualTo(2);
            assertThat(db.sql("select count(*) from deals_lead where status = 'OFFERED'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            // Integrately's 20 % of the 2,400.00 invoice in_demo_3 (480.00) gives back 20 % of its 400.00 refund,
            // whichever the commission engine heard of first.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(db.sql("""
                                            select c.amount from commissions_commission c
                                            join commissions_source r on r.id = c.source_id and r.kind = 'REFUND'
                                            join commissions_source s on s.id = r.reverses
                                            where s.description like '%invoice in_demo_3'
                                            """).query(BigDecimal.class).list())
                                    .singleElement()
                                    .satisfies(amount -> assertThat(amount).isEqualByComparingTo("-80.00")));
            theDemoShowsWhatTheReadmeSays(first);
            assertThat(db.sql("select description from commissions_source order by description")
                            .query(String.class)
                            .list())
                    .as("what each commission was for, as the pages show it: customers by email or id, not by UUID")
                    .isNotEmpty()
                    .noneMatch(d -> d.matches("(?i).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*"));
            db.sql("update identity_workspace set name = 'Northwind Renamed' where slug = 'northwind'")
                    .update();
        }
        try (ConfigurableApplicationContext second = start()) {
            JdbcClient db = second.getBean(JdbcClient.class);
            assertThat(db.sql("select name from identity_workspace where slug = 'northwind'")
                            .query(String.class)
                            .list())
                    .containsExactly("Northwind Renamed");
            assertThat(deals(db)).as("loaded once").isEqualTo(7);
        }
        startsQuietly(log.getAll());
        assertThat(log.getAll())
                .as("the logins, at this Canopy's address")
                .contains("http://canopy.test:8091/login")
                .contains("http://canopy.test:8091/portal/login  pat@bluebird-consulting.example")
                .doesNotContain("localhost:8080");
    }

    /**
     * Two starts, first and again, log no warning or error (a duplicate bean, a default that should have been set)
     * and no password but the demo's own, printed on purpose beside the logins.
     */
    private static void startsQuietly(String log) {
        assertThat(log.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
                .as("warnings and errors in the log")
                .isEmpty();
        assertThat(log.lines().filter(line -> line.toLowerCase(Locale.ROOT).contains("password")))
                .as("log lines about a password")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(DemoWorkspace.PASSWORD));
    }

    /**
     * What the README promises a visitor: an application waiting in the inbox, earnings for Pat of Bluebird (pending,
     * approved and paid through a payout run), and a US partner in this year's 1099 report.
     */
    private static void theDemoShowsWhatTheReadmeSays(ConfigurableApplicationContext demo) {
        WorkspaceId northwind =
                demo.getBean(Workspaces.class).bySlug("northwind").orElseThrow().id();
        Runnable checks = () -> SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(demo.getBean(Recruitment.class)
                            .applications(new ApplicationQuery(null, ApplicationStatus.PENDING, null, 10))
                            .applications())
                    .as("applications waiting for review in /app/applications")
                    .isNotEmpty();

            PartnerId bluebird = demo.getBean(Partners.class)
                    .search(new PartnerSearch("Bluebird Consulting", null, null, null, false, null, 1))
                    .partners()
                    .getFirst()
                    .id();
            Map<CommissionStatus, BigDecimal> earnings = demo.getBean(Commissions.class).totals(bluebird).stream()
                    .collect(Collectors.toMap(
                            Commissions.StatusTotal::status, t -> t.amount().amount(), BigDecimal::add));
            soft.assertThat(earnings)
                    .as("Bluebird's earnings in /portal/earnings, by status")
                    .hasEntrySatisfying(
                            CommissionStatus.PENDING, a -> assertThat(a).isPositive())
                    .hasEntrySatisfying(
                            CommissionStatus.APPROVED, a -> assertThat(a).isPositive())
                    .hasEntrySatisfying(
                            CommissionStatus.PAID, a -> assertThat(a).isPositive());

            soft.assertThat(demo.getBean(Form1099Report.class).report("").rows())
                    .as("this year's 1099 report in /app/payouts/1099")
                    .anySatisfy(row -> {
                        assertThat(row.country()).isEqualTo("US");
                        assertThat(row.flag()).isEqualTo(Form1099Flag.NEC_REQUIRED);
                    })
                    .extracting(Form1099Row::partnerName)
                    .contains("Integrately");
        });
        AsSystem.in(northwind, new Actor(Actor.Kind.SYSTEM, "test", "Test"), () -> {
            checks.run();
            return null;
        });
    }

    private static long deals(JdbcClient db) {
        return db.sql(
                        "select count(*) from deals_registration r join identity_workspace w on w.id = r.workspace_id where w.slug = 'northwind'")
                .query(Long.class)
                .single();
    }
}
