package dev.canopy.payouts;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.internal.HoldExpiry;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.payouts.internal.PayoutSchedule;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Starting a run with nothing to pay says so and leaves nothing open (console and API); a scheduled month with
 * nothing to pay is closed at once, so the next run starts as soon as something is due.
 */
@CanopyTest
class AnEmptyPayoutRunIsNeverLeftOpen {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    PayoutRuns runs;

    @Autowired
    PayoutSchedule schedule;

    @Autowired
    HoldExpiry holdExpiry;

    @Autowired
    JdbcClient db;

    Fixtures.Tenant tenant;
    VendorUser finance;

    @BeforeEach
    void aWorkspaceWithNothingApprovedYet() {
        tenant = fixtures.newWorkspace();
        finance = fixtures.member(tenant, Role.FINANCE);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theConsoleAndTheApiAnswerThatThereIsNothingToPay() throws Exception {
        mvc.perform(post("/app/payouts/runs").with(signedIn(finance)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", Matchers.startsWith("Nothing to pay")));
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        mvc.perform(post("/api/v1/payout-runs").header("Authorization", "Bearer " + key))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Nothing to pay")));

        assertThat(runCount()).isZero();
    }

    @Test
    void aScheduledMonthWithNothingToPayIsClosedAndTheNextRunStarts() {
        YearMonth month = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        clock.setTo(month.plusMonths(1).atDay(16).atTime(9, 0).toInstant(ZoneOffset.UTC));
        schedule.runDue();
        assertThat(db.sql("select status from payouts_run where workspace_id = ?")
                        .param(tenant.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("NOTHING_TO_PAY");

        CommissionFixtures f = new CommissionFixtures(context);
        ProgramView program = f.referralProgram(tenant, "USD", 0);
        f.rule(tenant, program, CommissionFixtures.referralFee("10"));
        DealFixtures.Member partner =
                new PayoutFixtures(context).bankPartner(tenant, program, PayoutFixtures.IBANS.getFirst());
        f.dealWon(tenant, program, partner.id(), "1000", "USD");
        clock.advance(Duration.ofMinutes(1));
        holdExpiry.approveDue();

        PayoutRunView run = fixtures.as(finance, runs::start);
        assertThat(run.status()).isEqualTo(PayoutRunStatus.AWAITING_APPROVAL);
        assertThat(run.payableLines()).isEqualTo(1);
        assertThat(runCount()).isEqualTo(2);
    }

    private long runCount() {
        return db.sql("select count(*) from payouts_run where workspace_id = ?")
                .param(tenant.id().value())
                .query(Long.class)
                .single();
    }
}
