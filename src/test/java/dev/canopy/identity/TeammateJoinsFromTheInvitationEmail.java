package dev.canopy.identity;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.platform.internal.MailSink;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class TeammateJoinsFromTheInvitationEmail {

    @Autowired
    MockMvc mvc;

    @Autowired
    MailSink mail;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient db;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String invite(Fixtures.Tenant tenant, String email, String role) throws Exception {
        mvc.perform(post("/app/team/invitations")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("email", email)
                        .param("role", role))
                .andExpect(redirectedUrl("/app/team"));
        List<MailSink.SinkMessage> received = mail.messagesTo(email);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().subject()).contains("invited you to " + "Company " + tenant.slug());
        return received.getFirst().links().stream()
                .filter(l -> l.contains("/invitations/"))
                .findFirst()
                .orElseThrow();
    }

    private static String path(String link) {
        return link.substring(link.indexOf("/invitations/"));
    }

    @Test
    void aNewPersonChoosesANameAndPasswordAndJoinsWithTheInvitedRole() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String email = Fixtures.uniqueEmail("bo");
        String link = invite(tenant, email, "FINANCE");

        mvc.perform(get(path(link)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Finance")));
        var joined = mvc.perform(post(path(link))
                        .with(csrf())
                        .param("displayName", "Bo Finance")
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/app"))
                .andReturn();
        mvc.perform(get("/app").cookie(Fixtures.session(joined)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bo Finance")));

        assertThat(db.sql(
                                "select m.role from identity_membership m join identity_account a on a.id = m.account_id where m.workspace_id = ? and a.email = ?")
                        .params(tenant.id().value(), email)
                        .query(String.class)
                        .single())
                .isEqualTo("FINANCE");
        assertThat(db.sql("select action from audit_event where workspace_id = ? order by id")
                        .param(tenant.id().value())
                        .query(String.class)
                        .list())
                .containsSubsequence("team.invitation.created", "team.invitation.accepted", "team.member.added");

        // The link works once.
        mvc.perform(get(path(link))).andExpect(status().isNotFound());
    }

    @Test
    void someoneWithAnAccountJoinsWithTheirPasswordOnly() throws Exception {
        Fixtures.Tenant first = fixtures.newWorkspace();
        Fixtures.Tenant second = fixtures.newWorkspace();
        String link = invite(second, first.owner().email(), "ANALYST");

        mvc.perform(post(path(link)).with(csrf()).param("password", "not the password"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "password"));
        mvc.perform(post(path(link)).with(csrf()).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/app"));
        assertThat(db.sql("select count(*) from identity_membership where account_id = ?")
                        .param(first.owner().accountId())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anExpiredOrRevokedLinkNoLongerWorks() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String expiring = invite(tenant, Fixtures.uniqueEmail("late"), "SALES");
        clock.advance(Team.INVITATION_VALIDITY.plus(Duration.ofMinutes(1)));
        mvc.perform(get(path(expiring)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("no longer valid")));
        clock.reset();

        String email = Fixtures.uniqueEmail("revoked");
        String revoked = invite(tenant, email, "SALES");
        String id = db.sql("select id::text from identity_invitation where email = ?")
                .param(email)
                .query(String.class)
                .single();
        mvc.perform(post("/app/team/invitations/" + id + "/revoke")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/app/team"));
        mvc.perform(post(path(revoked)).with(csrf()).param("displayName", "X").param("password", Fixtures.PASSWORD))
                .andExpect(status().isNotFound());
        assertThat(db.sql("select count(*) from identity_account where email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void invitingAMemberOrTwiceIsRefused() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        mvc.perform(post("/app/team/invitations")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("email", tenant.owner().email())
                        .param("role", "ADMIN"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "email"));
        String email = Fixtures.uniqueEmail("twice");
        invite(tenant, email, "ADMIN");
        mvc.perform(post("/app/team/invitations")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("email", email)
                        .param("role", "ADMIN"))
                .andExpect(model().attributeHasFieldErrors("form", "email"));
        mvc.perform(post("/app/team/invitations")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("email", Fixtures.uniqueEmail("owner"))
                        .param("role", "OWNER"))
                .andExpect(model().attributeHasFieldErrors("form", "role"));
        assertThat(fixtures.count("identity_invitation", tenant.id())).isEqualTo(1);
    }
}
