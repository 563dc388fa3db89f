package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.CommissionReview;
import dev.canopy.commissions.CommissionRule;
import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.TrackingFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The programme's cost on the dashboard, worked out by hand: 10 % of each payment, a bounty, a refund's reversal
 * taken off, a declined commission left out; and the cost ratio against the partner revenue it bought.
 */
@CanopyTest
class CommissionCostIsWhatPartnersAreOwed {

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
    CommissionReview review;

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
    void paymentsBountiesAndReversalsLessTheDeclined() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = paidTenPerCentInEuros(tracking);
        CommissionFixtures f = new CommissionFixtures(context);
        CommissionRule bounty = f.rule(
                setup.tenant(),
                setup.program(),
                CommissionFixtures.bounty("Launch bonus", "25.00", java.util.Map.of()));
        String ref = db.sql("select ref from tracking_partner_ref where partner_id = ? limit 1")
                .param(setup.partner().value())
                .query(String.class)
                .single();

        send(
                setup,
                "sale",
                "{\"id\":\"s1\",\"customerExternalId\":\"c1\",\"partnerRef\":\"" + ref
                        + "\",\"invoiceId\":\"i1\",\"amount\":\"1000.00\",\"currency\":\"EUR\"}");
        send(
                setup,
                "sale",
                "{\"id\":\"s2\",\"customerExternalId\":\"c2\",\"partnerRef\":\"" + ref
                        + "\",\"invoiceId\":\"i2\",\"amount\":\"500.00\",\"currency\":\"EUR\"}");
        send(setup, "refund", "{\"id\":\"r1\",\"invoiceId\":\"i1\",\"amount\":\"100.00\",\"currency\":\"EUR\"}");
        f.bounty(setup.tenant(), setup.partner(), bounty, "Launched the integration");
        List<BigDecimal> made = awaitCommissions(setup, 4);
        assertThat(made)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(
                        new BigDecimal("100.00"),
                        new BigDecimal("50.00"),
                        new BigDecimal("-10.00"),
                        new BigDecimal("25.00"));
        UUID fifty = db.sql("select id from commissions_commission where workspace_id = ? and amount = 50")
                .param(setup.tenant().id().value())
                .query(UUID.class)
                .single();
        fixtures.as(setup.tenant().owner(), () -> review.decline(List.of(fifty), "Self-referral"));

        FunnelReport report = fixtures.as(
                setup.tenant().owner(),
                () -> analytics.funnel(new FunnelQuery(
                        new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-18")), null, null)));

        // 100 − 10 + 25: the declined 50 costs nothing.
        assertThat(report.current().commissionCost()).isEqualTo(Money.of("115.00", "EUR"));
        assertThat(report.current().partnerRevenue()).isEqualTo(Money.of("1400.00", "EUR"));
        assertThat(report.current().costRatio()).contains(new BigDecimal("8.2"));
        assertThat(report.partners().getFirst().commissionCost()).isEqualTo(Money.of("115.00", "EUR"));
        // The charts' days add up to the same cost, and the homes' trend says it too.
        assertThat(report.days().stream()
                        .map(FunnelReport.DayRow::commissionCost)
                        .reduce(Money::plus)
                        .orElseThrow())
                .isEqualTo(Money.of("115.00", "EUR"));
        Trend trend = fixtures.as(
                setup.tenant().owner(),
                () -> analytics.trend(new FunnelQuery(
                        new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-18")), null, null)));
        assertThat(trend.current().commissionCost()).isEqualTo(Money.of("115.00", "EUR"));
        assertThat(trend.days().stream()
                        .map(FunnelReport.DayRow::commissionCost)
                        .reduce(Money::plus)
                        .orElseThrow())
                .isEqualTo(Money.of("115.00", "EUR"));
    }

    @Test
    void eachProgrammeHasItsOwnProfitAndLossLine() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = paidTenPerCentInEuros(tracking);
        CommissionFixtures f = new CommissionFixtures(context);
        ProgramView resellers = new ProgramFixtures(context)
                .program(setup.tenant(), "Resellers " + Fixtures.unique("r"), PartnerType.RESELLER);
        f.rule(setup.tenant(), resellers, CommissionFixtures.recurring("20"));
        PartnerId kestrel = tracking.partner(setup.tenant(), resellers, "Kestrel " + Fixtures.unique("k"));
        tracking.link(setup.tenant(), kestrel, resellers, "https://www." + TrackingFixtures.SHOP + "/"); // its ref

        send(
                setup,
                "sale",
                "{\"id\":\"s1\",\"customerExternalId\":\"c1\",\"partnerRef\":\"" + ref(setup.partner())
                        + "\",\"invoiceId\":\"i1\",\"amount\":\"1000.00\",\"currency\":\"EUR\"}");
        send(
                setup,
                "sale",
                "{\"id\":\"s2\",\"customerExternalId\":\"c2\",\"partnerRef\":\"" + ref(kestrel)
                        + "\",\"invoiceId\":\"i2\",\"amount\":\"300.00\",\"currency\":\"EUR\"}");
        send(setup, "refund", "{\"id\":\"r1\",\"invoiceId\":\"i2\",\"amount\":\"50.00\",\"currency\":\"EUR\"}");
        awaitCommissions(setup, 3);

        FunnelReport report = fixtures.as(
                setup.tenant().owner(),
                () -> analytics.funnel(new FunnelQuery(
                        new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-18")), null, null)));
        List<ProgramPnl> lines = fixtures.as(setup.tenant().owner(), () -> analytics.programmes(report));

        // Referral: 1,000 brought, 10 % = 100 owed. Resellers: 300 − 50 refunded, 20 % = 60 − 10 reversed.
        assertThat(lines)
                .extracting(ProgramPnl::program)
                .containsExactly(setup.program().id(), resellers.id());
        assertThat(lines.get(0).totals().partnerRevenue()).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(lines.get(0).totals().commissionCost()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(lines.get(0).net()).isEqualTo(Money.of("900.00", "EUR"));
        assertThat(lines.get(1).totals().partnerRevenue()).isEqualTo(Money.of("250.00", "EUR"));
        assertThat(lines.get(1).totals().commissionCost()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(lines.get(1).net()).isEqualTo(Money.of("200.00", "EUR"));
        assertThat(lines.get(1).totals().costRatio()).contains(new BigDecimal("20.0"));
        // The lines add up to the whole.
        assertThat(lines.get(0).net().plus(lines.get(1).net()))
                .isEqualTo(
                        report.current().partnerRevenue().minus(report.current().commissionCost()));

        // Filtered to one programme, the line is the dashboard's own totals.
        FunnelReport resellersOnly = fixtures.as(
                setup.tenant().owner(),
                () -> analytics.funnel(new FunnelQuery(
                        new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-18")),
                        resellers.id(),
                        null)));
        assertThat(fixtures.as(setup.tenant().owner(), () -> analytics.programmes(resellersOnly)))
                .singleElement()
                .satisfies(line -> assertThat(line.net()).isEqualTo(Money.of("200.00", "EUR")));

        // The page shows the table and it downloads as CSV, with the same figures.
        mvc.perform(get("/app/analytics")
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-18")
                        .with(Fixtures.signedIn(setup.tenant().owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"programme-table\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("900.00 EUR")));
        String csv = mvc.perform(get("/app/analytics/programmes.csv")
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-18")
                        .with(Fixtures.signedIn(setup.tenant().owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).contains("," + resellers.id().value() + ",0,0,0,0,1,250.00,50.00,200.00,0.00,0.00,EUR");
    }

    /** A workspace reporting in euros whose programme pays 10 % of every payment. */
    private TrackingFixtures.Setup paidTenPerCentInEuros(TrackingFixtures tracking) {
        TrackingFixtures.Setup setup = tracking.setup();
        fixtures.as(setup.tenant().owner(), () -> {
            WorkspaceView w = workspaces.current();
            return workspaces.update(new Workspaces.Settings(w.name(), null, "UTC", "EUR"));
        });
        new CommissionFixtures(context).rule(setup.tenant(), setup.program(), CommissionFixtures.recurring("10"));
        return setup;
    }

    private String ref(PartnerId partner) {
        return db.sql("select ref from tracking_partner_ref where partner_id = ? limit 1")
                .param(partner.value())
                .query(String.class)
                .single();
    }

    private List<BigDecimal> awaitCommissions(TrackingFixtures.Setup setup, int count) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> db.sql("select amount from commissions_commission where workspace_id = ?")
                                .param(setup.tenant().id().value())
                                .query(BigDecimal.class)
                                .list(),
                        amounts -> amounts.size() == count);
    }

    private void send(TrackingFixtures.Setup setup, String kind, String json) throws Exception {
        mvc.perform(post("/api/v1/events/" + kind)
                        .header("Authorization", "Bearer " + setup.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().is2xxSuccessful());
    }
}
