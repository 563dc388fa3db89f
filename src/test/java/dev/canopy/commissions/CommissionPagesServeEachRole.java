package dev.canopy.commissions;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every commissions page renders for the people who read commissions — owners and finance, who act, and
 * partner managers and analysts, who only read — and is closed to sales.
 */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommissionPagesServeEachRole {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Commissions commissions;

    @Autowired
    CommissionReview review;

    @Autowired
    ExchangeRates rates;

    private Fixtures.Tenant tenant;
    private ProgramView program;
    private CommissionRule rule;
    private List<UUID> made;

    @BeforeAll
    void pendingHeldAndApprovedCommissions() {
        CommissionFixtures f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.referralProgram(tenant, "EUR", 30);
        new ProgramFixtures(context).tier(tenant, program.id(), "Gold", Map.of());
        DealFixtures.Member partner = f.member(tenant, program);
        rule = f.rule(tenant, program, CommissionFixtures.referralFee("15"));
        f.dealWon(tenant, program, partner.id(), "10000", "EUR");
        f.dealWon(tenant, program, partner.id(), "20000", "EUR");
        f.dealWon(tenant, program, partner.id(), "30000", "EUR");
        made = fixtures.as(
                tenant.owner(),
                () -> commissions.list(CommissionFilter.all()).items().stream()
                        .map(CommissionView::id)
                        .toList());
        fixtures.as(tenant.owner(), () -> review.hold(List.of(made.get(0)), "Customer looks like the partner"));
        fixtures.as(tenant.owner(), () -> review.approve(List.of(made.get(1)), null));
        fixtures.as(tenant.owner(), () -> rates.enter("USD", "EUR", "2026-01-01", "0.92"));
    }

    @Test
    void everyPageRendersForEachRoleThatReadsCommissions() throws Exception {
        String plan = "/app/programs/" + program.id() + "/commissions";
        List<String> pages = List.of(
                "/app/commissions",
                "/app/commissions?status=HELD",
                "/app/commissions/" + made.get(0),
                "/app/commissions/" + made.get(1),
                "/app/commissions/" + made.get(2),
                "/app/commissions/review",
                "/app/exchange-rates",
                plan,
                plan + "/rules/" + rule.id());
        for (Role role : List.of(Role.OWNER, Role.FINANCE, Role.PARTNER_MANAGER, Role.ANALYST)) {
            VendorUser user = fixtures.member(tenant, role);
            for (String page : pages) {
                mvc.perform(get(page).with(signedIn(user))).andExpect(status().isOk());
            }
            assertThat(page("/app/commissions", user)).contains("data-testid=\"nav-commissions\"");
            assertThat(page("/app/programs/" + program.id(), user)).contains("data-testid=\"commission-plan-link\"");
        }
        VendorUser sales = fixtures.member(tenant, Role.SALES);
        for (String page : pages) {
            mvc.perform(get(page).with(signedIn(sales))).andExpect(status().isForbidden());
        }
        assertThat(page("/app/deals", sales)).doesNotContain("nav-commissions");
    }

    @Test
    void theDetailExplainsTheAmountAndTheReviewShowsWhyItWasHeld() throws Exception {
        VendorUser finance = fixtures.member(tenant, Role.FINANCE);
        CommissionView approved = fixtures.as(tenant.owner(), () -> commissions.get(made.get(1)));
        assertThat(approved.explanation()).startsWith("15 % of ");
        assertThat(page("/app/commissions/" + made.get(1), finance))
                .contains(approved.explanation())
                .contains("data-testid=\"postings\"");
        assertThat(page("/app/commissions/" + made.get(0), finance))
                .contains("Customer looks like the partner")
                .contains("data-testid=\"no-postings\"");
        assertThat(page("/app/commissions/review", finance))
                .contains("data-testid=\"held-row\"")
                .contains("Customer looks like the partner")
                .contains("data-testid=\"bulk-release\"");
        assertThat(page("/app/programs/" + program.id() + "/commissions", finance))
                .contains("15 % of first-year contract value")
                .contains("Paid in <strong>EUR</strong>")
                .contains("30 days")
                .contains("data-testid=\"tier-override\"");
    }

    private String page(String path, VendorUser user) throws Exception {
        return mvc.perform(get(path).with(signedIn(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
