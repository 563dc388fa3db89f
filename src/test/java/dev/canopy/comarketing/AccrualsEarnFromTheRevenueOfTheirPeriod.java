package dev.canopy.comarketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.LinkView;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.TrackingSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An accrual of 10 % capped at 500 EUR over a budget's period, the clock moving through it: revenue before the period
 * and after its last day earns nothing, a sale inside it earns at once, the cap holds, and a refund lowers what was
 * earned at once.
 */
@CanopyTest
class AccrualsEarnFromTheRevenueOfTheirPeriod {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Funds funds;

    @Autowired
    TrackingSettings trackingSettings;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAccrualEarnsTenPercentOfItsPeriodsNetRevenueUpToItsCap() throws Exception {
        DealFixtures f = new DealFixtures(context);
        MdfFixtures mdf = new MdfFixtures(context);
        TrackingFixtures tracking = new TrackingFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        fixtures.as(tenant.owner(), () -> trackingSettings.allowDomain(TrackingFixtures.SHOP));
        LinkView link =
                tracking.link(tenant, member.id(), program, "https://www." + TrackingFixtures.SHOP + "/pricing");
        TrackingFixtures.Setup via = new TrackingFixtures.Setup(tenant, program, member.id(), link, key);
        Instant start = clock.instant();

        // Fifteen days ago, before the budget's period (which starts ten days ago): 2,000 that earns nothing.
        clock.setTo(start.minus(Duration.ofDays(15)));
        sale(via, tracking, "s-0", "2000");
        clock.setTo(start);
        BudgetView budget = mdf.budget(tenant, program, "10000", null);
        f.asStaff(
                tenant,
                () -> funds.allocate(
                        budget.id(), new AllocationInput(member.id().toString(), null, "500", "10")));
        assertThat(allocated(f, member)).isEqualTo(Money.of("0", "EUR"));

        sale(via, tracking, "s-1", "1500");
        assertThat(allocated(f, member)).isEqualTo(Money.of("150", "EUR"));
        assertThatThrownBy(() -> mdf.request(member, budget, "150.01"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plannedCost");
        assertThat(mdf.request(member, budget, "150").plannedCost()).isEqualTo(Money.of("150", "EUR"));

        clock.advance(Duration.ofDays(20));
        sale(via, tracking, "s-2", "4000");
        assertThat(allocated(f, member)).as("5,500 × 10 %% capped").isEqualTo(Money.of("500", "EUR"));

        event(key, "refund", """
                {"id":"r-2","invoiceId":"inv-s-2","amount":"3000","currency":"EUR"}""");
        assertThat(allocated(f, member)).as("2,500 × 10 %%").isEqualTo(Money.of("250", "EUR"));

        // The period ends 80 days after the start; a sale on day 90 is after it.
        clock.advance(Duration.ofDays(70));
        sale(via, tracking, "s-3", "10000");
        FundBalance after = f.asPartner(member, () -> funds.mine()).getFirst();
        assertThat(after.allocated()).isEqualTo(Money.of("250", "EUR"));
        assertThat(after.requested()).isEqualTo(Money.of("150", "EUR"));
    }

    private Money allocated(DealFixtures f, DealFixtures.Member member) {
        return f.asPartner(member, () -> funds.mine()).getFirst().allocated();
    }

    /** A new customer's purchase of {@code amount} EUR through a click on the partner's link, now. */
    private void sale(TrackingFixtures.Setup via, TrackingFixtures tracking, String id, String amount)
            throws Exception {
        event(via.apiKey(), "sale", """
                {"id":"%1$s","customerExternalId":"c-%1$s","clickId":"%2$s","invoiceId":"inv-%1$s","amount":"%3$s","currency":"EUR"}""".formatted(id, tracking.click(mvc, via), amount));
    }

    private void event(String key, String kind, String body) throws Exception {
        mvc.perform(post("/api/v1/events/" + kind)
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
    }
}
