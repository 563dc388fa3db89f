package dev.canopy.identity;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.security.VendorUser;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@CanopyTest
class EveryRequestIsAuthorizedOnTheServer {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void anonymousVisitorsAreSentToTheRightSignInPage() throws Exception {
        mvc.perform(get("/app")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/app/team")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/portal")).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(post("/app/team/invitations").with(csrf()).param("email", "x@example.com"))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        mvc.perform(post("/app/team/invitations")
                        .with(signedIn(tenant.owner()))
                        .param("email", Fixtures.uniqueEmail("x"))
                        .param("role", "ADMIN"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/signup").param("companyName", "X")).andExpect(status().isForbidden());
    }

    @Test
    void anAnalystReadsButChangesNothing() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        VendorUser analyst = fixtures.member(tenant, Role.ANALYST);
        mvc.perform(get("/app").with(signedIn(analyst))).andExpect(status().isOk());
        mvc.perform(get("/app/team").with(signedIn(analyst))).andExpect(status().isOk());
        mvc.perform(post("/app/team/invitations")
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("email", Fixtures.uniqueEmail("x"))
                        .param("role", "ADMIN"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/app/settings").with(signedIn(analyst)).with(csrf()).param("name", "Hijacked"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/app/audit").with(signedIn(analyst))).andExpect(status().isForbidden());
        mvc.perform(get("/app/api-keys").with(signedIn(analyst))).andExpect(status().isForbidden());
        mvc.perform(get("/app/mail").with(signedIn(analyst))).andExpect(status().isForbidden());
        org.assertj.core.api.Assertions.assertThat(fixtures.count("identity_invitation", tenant.id()))
                .isZero();
    }

    @Test
    void financeAndSalesCannotManageTheTeamOrKeys() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        for (Role role : new Role[] {Role.FINANCE, Role.SALES, Role.PARTNER_MANAGER}) {
            VendorUser user = fixtures.member(tenant, role);
            mvc.perform(get("/app/api-keys").with(signedIn(user))).andExpect(status().isForbidden());
            mvc.perform(post("/app/api-keys")
                            .with(signedIn(user))
                            .with(csrf())
                            .param("name", "k")
                            .param("scope", "READ"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/app/team/members/" + tenant.owner().accountId() + "/remove")
                            .with(signedIn(user))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void onlyAnOwnerMakesOrUnmakesOwnersAndTheLastOwnerStays() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        VendorUser admin = fixtures.member(tenant, Role.ADMIN);
        mvc.perform(post("/app/team/members/" + tenant.owner().accountId() + "/remove")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/app/team/members/" + admin.accountId() + "/role")
                        .with(signedIn(admin))
                        .with(csrf())
                        .param("role", "OWNER"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/app/team/members/" + tenant.owner().accountId() + "/role")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("role", "ADMIN"))
                .andExpect(redirectedUrl("/app/team"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", org.hamcrest.Matchers.containsString("at least one owner")));
    }

    @Test
    void partnerUsersOnlyEverReachThePortal() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String partner = fixtures.partnerUser(tenant);
        MvcResult signedIn = mvc.perform(formLogin("/portal/login")
                        .userParameter("email")
                        .user(partner)
                        .password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/portal"))
                .andReturn();
        var session = Fixtures.session(signedIn);
        mvc.perform(get("/portal").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/app").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/app/team").cookie(session)).andExpect(status().isForbidden());
        // Partner credentials do not open the console, and staff credentials do not open the portal.
        mvc.perform(formLogin("/login").userParameter("email").user(partner).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/portal/login")
                        .userParameter("email")
                        .user(tenant.owner().email())
                        .password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/portal/login?error"));
    }

    @Test
    void staffDoNotReachThePortal() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        mvc.perform(get("/portal").with(signedIn(tenant.owner()))).andExpect(status().isForbidden());
    }
}
