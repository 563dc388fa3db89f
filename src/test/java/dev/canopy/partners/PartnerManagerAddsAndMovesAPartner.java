package dev.canopy.partners;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.Role;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class PartnerManagerAddsAndMovesAPartner {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MailSink mail;

    @Autowired
    JdbcClient db;

    @Autowired
    Partners partners;

    private String statusOf(PartnerId id) {
        return db.sql("select status from partners_partner where id = ?")
                .param(id.value())
                .query(String.class)
                .single();
    }

    @Test
    void anAddedPartnerIsInvitedAndBecomesActiveWhenItsContactJoins() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        var manager = fixtures.member(tenant, Role.PARTNER_MANAGER);
        String contact = Fixtures.uniqueEmail("pat");
        String location = mvc.perform(post("/app/partners")
                        .with(signedIn(manager))
                        .with(csrf())
                        .param("name", "Bluebird Consulting")
                        .param("website", "www.bluebird.example")
                        .param("types", "SYSTEM_INTEGRATOR", "RESELLER")
                        .param("regions", "EMEA, DACH")
                        .param("verticals", "Healthcare")
                        .param("size", "51-200")
                        .param("contactName", "Pat Bluebird")
                        .param("contactEmail", contact))
                .andExpect(redirectedUrlPattern("/app/partners/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        PartnerId id = new PartnerId(java.util.UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        assertThat(statusOf(id)).isEqualTo("INVITED");
        mvc.perform(get(location).with(signedIn(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("bluebird.example")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Invited")));

        String link = mail.messagesTo(contact).getFirst().links().stream()
                .filter(l -> l.contains("/portal/join/"))
                .findFirst()
                .orElseThrow();
        String join = link.substring(link.indexOf("/portal/join/"));
        mvc.perform(post(join).with(csrf()).param("displayName", "Pat Bluebird").param("password", "short"))
                .andExpect(model().attributeHasFieldErrors("form", "password"));
        mvc.perform(post(join).with(csrf()).param("displayName", "Pat Bluebird").param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/portal"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(statusOf(id)).isEqualTo("ACTIVE"));
        mvc.perform(formLogin("/portal/login")
                        .userParameter("email")
                        .user(contact)
                        .password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/portal"));
        // A sign-in is activity: the partner is not dormant.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                db.sql("select last_activity_at is not null from partners_partner where id = ?")
                                        .param(id.value())
                                        .query(Boolean.class)
                                        .single())
                        .isTrue());
    }

    @Test
    void suspendingNeedsAReasonTellsThePartnerAndClosesItsPortalUntilReinstated() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String contact = fixtures.partnerUser(tenant);
        PartnerId id = fixtures.partnerOf(contact);
        fixtures.as(tenant.owner(), () -> {
            partners.changeStatus(id, PartnerStatus.ACTIVE, null);
            return null;
        });

        mvc.perform(post("/app/partners/" + id + "/status")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("status", "SUSPENDED"))
                .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("Say why")));
        assertThat(statusOf(id)).isEqualTo("ACTIVE");

        mvc.perform(post("/app/partners/" + id + "/status")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("status", "SUSPENDED")
                        .param("reason", "Brand bidding on paid search"))
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString("suspended")));
        assertThat(statusOf(id)).isEqualTo("SUSPENDED");
        assertThat(mail.messagesTo(contact).getLast().text())
                .contains("Suspended")
                .contains("Brand bidding on paid search");
        mvc.perform(formLogin("/portal/login")
                        .userParameter("email")
                        .user(contact)
                        .password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/portal/login?error"));

        mvc.perform(post("/app/partners/" + id + "/status")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("status", "ACTIVE"))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(formLogin("/portal/login")
                        .userParameter("email")
                        .user(contact)
                        .password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/portal"));
        mvc.perform(get("/app/partners/" + id).with(signedIn(tenant.owner())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Brand bidding on paid search")));
        assertThat(db.sql(
                                "select count(*) from audit_event where workspace_id = ? and action = 'partner.status_changed'")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void badInputIsShownPerFieldAndStoresNothing() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        mvc.perform(post("/app/partners")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("name", "")
                        .param("website", "not a website")
                        .param("size", "huge")
                        .param("contactName", "")
                        .param("contactEmail", "nope"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(
                                "form", "name", "website", "size", "contactName", "contactEmail"));
        // Types come from checkboxes; a forged one is refused on its own.
        mvc.perform(post("/app/partners")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("name", "Forged")
                        .param("types", "WIZARD")
                        .param("contactName", "X")
                        .param("contactEmail", Fixtures.uniqueEmail("x")))
                .andExpect(model().attributeHasFieldErrors("form", "types"));
        assertThat(fixtures.count("partners_partner", tenant.id())).isZero();
        assertThat(fixtures.count("identity_partner_user", tenant.id())).isZero();
    }

    @Test
    void onlyPartnerManagersAndAdminsChangePartners() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        PartnerId id = fixtures.partnerOf(fixtures.partnerUser(tenant));
        for (Role role : new Role[] {Role.FINANCE, Role.SALES, Role.ANALYST}) {
            var user = fixtures.member(tenant, role);
            mvc.perform(get("/app/partners/" + id).with(signedIn(user))).andExpect(status().isOk());
            mvc.perform(post("/app/partners/" + id + "/status")
                            .with(signedIn(user))
                            .with(csrf())
                            .param("status", "ARCHIVED"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/app/partners/new").with(signedIn(user))).andExpect(status().isForbidden());
        }
        assertThat(statusOf(id)).isEqualTo("INVITED");
    }
}
