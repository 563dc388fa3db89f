package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.ExchangeRates;
import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealOutcomes;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.deals.Sourcing;
import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Registered deals on the dashboard, worked out by hand: the pipeline each approval opened (converted at its
 * approval day's rate), wins split into partner-sourced and partner-influenced and never blended (converted at
 * the close day's rate), losses, the win rate and the days from approval to close; a rejected registration
 * opens no pipeline.
 */
@CanopyTest
class DealFiguresKeepSourcedAndInfluencedApart {

    private static final java.time.Instant EIGHTEENTH = java.time.Instant.parse("2026-11-18T10:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Deals deals;

    @Autowired
    DealOutcomes outcomes;

    @Autowired
    Analytics analytics;

    @Autowired
    Workspaces workspaces;

    @Autowired
    ExchangeRates rates;

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
    void pipelineWinsLossesWinRateAndCycle() {
        DealFixtures f = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        fixtures.as(tenant.owner(), () -> {
            WorkspaceView w = workspaces.current();
            workspaces.update(new Workspaces.Settings(w.name(), null, "UTC", "USD"));
            rates.enter("EUR", "USD", "2026-10-01", "1.10");
            return rates.enter("EUR", "USD", "2026-11-10", "1.20");
        });
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);

        DealView earlier = approvedOn(f, tenant, member, program, "2026-10-20", "earlier");
        DealView sourced = approvedOn(f, tenant, member, program, "2026-11-02", "sourced");
        DealView influenced = approvedOn(f, tenant, member, program, "2026-11-03", "influenced");
        DealView lost = approvedOn(f, tenant, member, program, "2026-11-04", "lost");
        at("2026-11-05");
        DealView rejected = f.register(member, program, "Rejected Ltd", "https://rejected.example");
        f.asStaff(tenant, () -> deals.reject(rejected.id(), "Not a fit"));

        at("2026-11-12");
        DealView won = f.asStaff(tenant, () -> outcomes.markWon(sourced.id(), "30000", null));
        at("2026-11-13");
        DealView alsoWon = f.asStaff(tenant, () -> outcomes.markWon(influenced.id(), "20000", "2026-10-01"));
        at("2026-11-14");
        f.asStaff(tenant, () -> outcomes.markLost(lost.id(), "Chose a competitor"));
        assertThat(won.sourcing()).isEqualTo(Sourcing.SOURCED);
        assertThat(alsoWon.sourcing()).isEqualTo(Sourcing.INFLUENCED);
        assertThat(earlier.status().name()).isEqualTo("APPROVED");
        clock.setTo(EIGHTEENTH);

        FunnelReport report = fixtures.as(
                tenant.owner(),
                () -> analytics.funnel(new FunnelQuery(
                        new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-18")), null, null)));

        FunnelReport.DealTotals d = report.deals();
        // Three approvals of 25,000 EUR at 1.10 (their approval days' rate): 3 × 27,500.
        assertThat(d.approved()).isEqualTo(3);
        assertThat(d.pipeline()).isEqualTo(Money.of("82500.00", "USD"));
        // Won at 30,000 and 20,000 EUR after 10 November: 1.20.
        assertThat(d.sourcedWins()).isEqualTo(1);
        assertThat(d.sourcedRevenue()).isEqualTo(Money.of("36000.00", "USD"));
        assertThat(d.influencedWins()).isEqualTo(1);
        assertThat(d.influencedRevenue()).isEqualTo(Money.of("24000.00", "USD"));
        assertThat(d.lost()).isEqualTo(1);
        assertThat(d.winRate()).contains(new BigDecimal("66.7"));
        assertThat(d.averageCycleDays()).contains(new BigDecimal("10.0"));
        // The period before (14 – 31 October) opened one: the pipeline tripled.
        assertThat(report.previousDeals().approved()).isEqualTo(1);
        assertThat(report.change(Kpi.PIPELINE)).contains(new BigDecimal("200.0"));
        assertThat(report.change(Kpi.SOURCED_REVENUE)).isEmpty();
    }

    private DealView approvedOn(
            DealFixtures f,
            Fixtures.Tenant tenant,
            DealFixtures.Member member,
            ProgramView program,
            String day,
            String name) {
        at(day);
        DealView deal = f.register(member, program, name + " Industries", "https://" + name + "-industries.example");
        return f.asStaff(tenant, () -> deals.approve(deal.id()));
    }

    private void at(String day) {
        clock.setTo(Instant.parse(day + "T10:00:00Z"));
    }
}
