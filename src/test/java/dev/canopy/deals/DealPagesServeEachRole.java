package dev.canopy.deals;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every deals page renders for the people who may see it; sales review deals, analysts and finance only
 * read them, and partner users never reach the console.
 */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealPagesServeEachRole {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Leads leads;

    DealFixtures f;
    Fixtures.Tenant tenant;
    DealFixtures.Member partner;
    DealView deal;
    LeadView lead;

    @BeforeAll
    void aDealAndALead() {
        f = new DealFixtures(context);
        tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        partner = f.member(tenant, program);
        deal = f.register(partner, program, "Dunder Mifflin", "dundermifflin.com");
        lead = f.asStaff(
                tenant,
                () -> leads.create(new NewLead(
                        "Vance Refrigeration",
                        "",
                        "Bob Vance",
                        "bob@vance.example.com",
                        "EMEA",
                        null,
                        partner.id().toString())));
    }

    @Test
    void staffPagesRenderForEveryRoleThatReadsDeals() throws Exception {
        List<String> pages = List.of(
                "/app/deals",
                "/app/deals?status=ALL",
                "/app/deals/" + deal.id(),
                "/app/deals/settings",
                "/app/leads",
                "/app/leads/" + lead.id(),
                "/app/leads/rules",
                "/app/account-mapping",
                "/app/account-mapping/" + partner.id());
        for (Role role : List.of(Role.OWNER, Role.PARTNER_MANAGER, Role.SALES, Role.FINANCE, Role.ANALYST)) {
            VendorUser user = fixtures.member(tenant, role);
            for (String page : pages) {
                mvc.perform(get(page).with(signedIn(user))).andExpect(status().isOk());
            }
        }
    }

    @Test
    void salesApproveWhileAnalystsOnlyRead() throws Exception {
        VendorUser analyst = fixtures.member(tenant, Role.ANALYST);
        assertThat(page("/app/deals/" + deal.id(), analyst)).doesNotContain("data-testid=\"approve\"");
        mvc.perform(post("/app/deals/" + deal.id() + "/approve")
                        .with(signedIn(analyst))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        VendorUser sales = fixtures.member(tenant, Role.SALES);
        assertThat(page("/app/deals/" + deal.id(), sales)).contains("data-testid=\"approve\"");
        mvc.perform(post("/app/deals/" + deal.id() + "/approve")
                        .with(signedIn(sales))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(f.asStaff(tenant, () -> context.getBean(Deals.class).get(deal.id()))
                        .status())
                .isEqualTo(DealStatus.APPROVED);
    }

    @Test
    void portalPagesRenderForThePartnerAndTheConsoleStaysClosed() throws Exception {
        for (String page : List.of(
                "/portal/deals",
                "/portal/deals/new",
                "/portal/deals/" + deal.id(),
                "/portal/leads",
                "/portal/accounts")) {
            mvc.perform(get(page).with(f.portal(partner))).andExpect(status().isOk());
        }
        mvc.perform(get("/app/deals").with(f.portal(partner))).andExpect(status().isForbidden());
    }

    private String page(String path, VendorUser user) throws Exception {
        return mvc.perform(get(path).with(signedIn(user)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
