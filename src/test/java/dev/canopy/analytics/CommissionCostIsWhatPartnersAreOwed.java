package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.CommissionRule;
import dev.canopy.commissions.Commissions;
import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
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
    Commissions commissions;

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
        TrackingFixtures.Setup setup = tracking.setup();
        fixtures.as(setup.tenant().owner(), () -> {
            WorkspaceView w = workspaces.current();
            return workspaces.update(new Workspaces.Settings(w.name(), null, "UTC", "EUR"));
        });
        CommissionFixtures f = new CommissionFixtures(context);
        f.rule(setup.tenant(), setup.program(), CommissionFixtures.recurring("10"));
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
        fixtures.as(setup.tenant().owner(), () -> commissions.decline(List.of(fifty), "Self-referral"));

        FunnelReport report = fixtures.as(
                setup.tenant().owner(),
                () -> analytics.funnel(new FunnelQuery(
                        new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-18")), null, null)));

        // 100 − 10 + 25: the declined 50 costs nothing.
        assertThat(report.current().commissionCost()).isEqualTo(Money.of("115.00", "EUR"));
        assertThat(report.current().partnerRevenue()).isEqualTo(Money.of("1400.00", "EUR"));
        assertThat(report.current().costRatio()).contains(new BigDecimal("8.2"));
        assertThat(report.partners().getFirst().commissionCost()).isEqualTo(Money.of("115.00", "EUR"));
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
