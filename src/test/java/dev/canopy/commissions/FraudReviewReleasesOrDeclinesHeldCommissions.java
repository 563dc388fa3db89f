package dev.canopy.commissions;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A self-referral is held for review with its reason; finance releases one and declines another from the
 * review page, and tunes the fraud rules (bad numbers named, nothing saved).
 */
@CanopyTest
class FraudReviewReleasesOrDeclinesHeldCommissions {

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
    FraudRules fraud;

    private Fixtures.Tenant tenant;
    private VendorUser finance;
    private List<UUID> held;

    @BeforeEach
    void twoHeldCommissions() {
        CommissionFixtures f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        ProgramView program = f.referralProgram(tenant, "EUR", 30);
        DealFixtures.Member partner = f.member(tenant, program);
        f.rule(tenant, program, CommissionFixtures.recurring("20"));
        f.sale(tenant, program, partner.id(), UUID.randomUUID(), "100", "EUR", true);
        f.sale(tenant, program, partner.id(), UUID.randomUUID(), "200", "EUR", true);
        finance = fixtures.member(tenant, Role.FINANCE);
        held = fixtures.as(finance, () -> {
            List<UUID> ids = commissions.list(CommissionFilter.all()).items().stream()
                    .map(CommissionView::id)
                    .toList();
            review.hold(ids, "Same address as the partner");
            return ids;
        });
    }

    private CommissionStatus statusOf(UUID id) {
        return fixtures.as(finance, () -> commissions.get(id).status());
    }

    @Test
    void financeReleasesOneAndDeclinesTheOther() throws Exception {
        String page = mvc.perform(get("/app/commissions/review").with(signedIn(finance)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Same address as the partner").contains("data-testid=\"held-row\"");

        mvc.perform(post("/app/commissions/release")
                        .param("ids", held.get(0).toString())
                        .param("back", "review")
                        .with(signedIn(finance))
                        .with(csrf()))
                .andExpect(redirectedUrl("/app/commissions/review"))
                .andExpect(flash().attribute("flash", "1 commission released."));
        mvc.perform(post("/app/commissions/decline")
                        .param("ids", held.get(1).toString())
                        .param("back", "review")
                        .with(signedIn(finance))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("moveForm", "reason"));
        assertThat(statusOf(held.get(1))).isEqualTo(CommissionStatus.HELD);
        mvc.perform(post("/app/commissions/decline")
                        .param("ids", held.get(1).toString())
                        .param("reason", "The partner bought from itself")
                        .param("back", "review")
                        .with(signedIn(finance))
                        .with(csrf()))
                .andExpect(redirectedUrl("/app/commissions/review"));
        assertThat(statusOf(held.get(0))).isEqualTo(CommissionStatus.PENDING);
        assertThat(statusOf(held.get(1))).isEqualTo(CommissionStatus.DECLINED);
    }

    @Test
    void fraudRulesAreSavedOnlyWhenEveryNumberIsRight() throws Exception {
        FraudSettings before = fixtures.as(finance, () -> fraud.fraudSettings());
        mvc.perform(post("/app/commissions/review/settings")
                        .param("selfReferral", "true")
                        .param("refundRatePercent", "150")
                        .param("refundRateMinSales", "0")
                        .with(signedIn(finance))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("fraudForm", "refundRatePercent", "refundRateMinSales"));
        mvc.perform(post("/app/commissions/review/settings")
                        .param("refundRatePercent", "0")
                        .param("refundRateMinSales", "ten")
                        .with(signedIn(finance))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("fraudForm", "refundRatePercent", "refundRateMinSales"));
        assertThat(fixtures.as(finance, () -> fraud.fraudSettings())).isEqualTo(before);

        mvc.perform(post("/app/commissions/review/settings")
                        .param("selfReferral", "true")
                        .param("refundRatePercent", "25")
                        .param("refundRateMinSales", "5")
                        .with(signedIn(finance))
                        .with(csrf()))
                .andExpect(redirectedUrl("/app/commissions/review"));
        FraudSettings saved = fixtures.as(finance, () -> fraud.fraudSettings());
        assertThat(saved.selfReferral()).isTrue();
        assertThat(saved.duplicateAccounts()).isFalse();
        assertThat(saved.paidAds()).isFalse();
        assertThat(saved.refundRatePercent()).isEqualByComparingTo("25");
        assertThat(saved.refundRateMinSales()).isEqualTo(5);
        assertThat(fixtures.count("audit_event", tenant.id())).isPositive();

        VendorUser analyst = fixtures.member(tenant, Role.ANALYST);
        mvc.perform(post("/app/commissions/review/settings")
                        .param("refundRateMinSales", "5")
                        .with(signedIn(analyst))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
