package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.platform.AsSystem;
import dev.canopy.shared.Actor;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.EventSource;
import dev.canopy.tracking.IncomingEvent;
import dev.canopy.tracking.Intake;
import dev.canopy.tracking.TrackingFixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Retention on a hand-built book of customers: three a partner brought (one churns in November), two that came
 * alone (one churned in October) — churn, revenue per paying account and the cohort triangle, partner-brought
 * and direct apart, for 1–18 November 2026.
 */
@CanopyTest
class RetentionComparesPartnerAndDirectCustomers {

    private static final java.time.Instant EIGHTEENTH = java.time.Instant.parse("2026-11-18T10:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    Analytics analytics;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Intake intake;

    @Autowired
    JdbcClient db;

    /** The figures are worked out for 18 November 2026, whatever day the suite runs as of. */
    @BeforeEach
    void onTheEighteenthOfNovember() {
        clock.setTo(EIGHTEENTH);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void churnArpaAndCohorts() throws Exception {
        TrackingFixtures.Setup setup = new TrackingFixtures(context).setup();
        fixtures.as(setup.tenant().owner(), () -> {
            WorkspaceView w = workspaces.current();
            return workspaces.update(new Workspaces.Settings(w.name(), null, "UTC", "USD"));
        });
        String ref = db.sql("select ref from tracking_partner_ref where partner_id = ? limit 1")
                .param(setup.partner().value())
                .query(String.class)
                .single();
        sale(setup, "c1", ref, "100.00", "2026-09-10");
        sale(setup, "c2", ref, "100.00", "2026-10-05");
        sale(setup, "c2", ref, "200.00", "2026-11-05");
        sale(setup, "c3", ref, "300.00", "2026-11-03");
        churn(setup, "c1", "2026-11-08");
        sale(setup, "d1", null, "50.00", "2026-10-12");
        churn(setup, "d1", "2026-10-20");
        sale(setup, "d2", null, "150.00", "2026-11-04");

        FunnelQuery query =
                new FunnelQuery(new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-18")), null, null);
        RetentionReport report = fixtures.as(
                setup.tenant().owner(),
                () -> analytics.retention(query, analytics.funnel(query).current()));

        // Paying in November: c2 and c3 (500.00 between them), d2 (150.00).
        assertThat(report.partner().payingAccounts()).isEqualTo(2);
        assertThat(report.partner().arpa()).contains(Money.of("250.00", "USD"));
        assertThat(report.direct().payingAccounts()).isEqualTo(1);
        assertThat(report.direct().arpa()).contains(Money.of("150.00", "USD"));
        // Paying on 1 November: c1 and c2; c1 churned on the 8th. d1 had churned before.
        assertThat(report.partner().payingAtStart()).isEqualTo(2);
        assertThat(report.partner().churnRate()).contains(new BigDecimal("50.0"));
        assertThat(report.direct().churnRate()).isEmpty();

        assertThat(report.partnerCohorts())
                .extracting(
                        RetentionReport.CohortRow::month,
                        RetentionReport.CohortRow::customers,
                        r -> r.retained().stream()
                                .map(BigDecimal::toPlainString)
                                .toList())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                YearMonth.of(2026, 9), 1L, List.of("100.0", "100.0", "0.0")),
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 10), 1L, List.of("100.0", "100.0")),
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 11), 1L, List.of("100.0")));
        assertThat(report.directCohorts())
                .extracting(
                        RetentionReport.CohortRow::month,
                        r -> r.retained().stream()
                                .map(BigDecimal::toPlainString)
                                .toList())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 10), List.of("0.0", "0.0")),
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 11), List.of("100.0")));
    }

    private void sale(TrackingFixtures.Setup setup, String customer, String ref, String amount, String day)
            throws Exception {
        mvc.perform(post("/api/v1/events/sale")
                        .header("Authorization", "Bearer " + setup.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + customer + day + "\",\"customerExternalId\":\"" + customer + "\""
                                + (ref == null ? "" : ",\"partnerRef\":\"" + ref + "\"") + ",\"invoiceId\":\"i-"
                                + customer + day + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\","
                                + "\"occurredAt\":\"" + day + "T10:00:00Z\"}"))
                .andExpect(status().isCreated());
    }

    /** A cancellation, as the Stripe webhook reports one (the events API has no churn of its own). */
    private void churn(TrackingFixtures.Setup setup, String customer, String day) {
        AsSystem.in(
                setup.tenant().id(),
                Actor.system(),
                () -> intake.receive(
                        setup.tenant().id(),
                        new IncomingEvent(
                                EventSource.STRIPE,
                                "evt_churn_" + customer,
                                ConversionKind.CHURN,
                                "customer.subscription.deleted",
                                customer,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null,
                                null,
                                false,
                                Instant.parse(day + "T10:00:00Z"),
                                "{}")));
    }
}
