package dev.canopy.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.security.PartnerUsers;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CanopyTest
class PartnerAdminManagesTheCompanyInThePortal {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PartnerUsers partnerUsers;

    @Autowired
    MailSink mail;

    @Autowired
    JdbcClient db;

    private RequestPostProcessor as(String email) {
        var user = partnerUsers.loadUserByUsername(email);
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void theAdminEditsTheProfileAndInvitesAColleagueWhoCannotEditIt() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String admin = fixtures.partnerUser(tenant);
        mvc.perform(post("/portal/company")
                        .with(as(admin))
                        .with(csrf())
                        .param("name", "Renamed Partner")
                        .param("website", "renamed-partner.example")
                        .param("types", "REFERRAL")
                        .param("regions", "LATAM")
                        .param("verticals", "")
                        .param("size", "1-10"))
                .andExpect(flash().attribute("flash", "Company profile saved."));
        mvc.perform(post("/portal/company")
                        .with(as(admin))
                        .with(csrf())
                        .param("name", "")
                        .param("website", "nope"))
                .andExpect(model().attributeHasFieldErrors("form", "name", "website"));

        String colleague = Fixtures.uniqueEmail("colleague");
        mvc.perform(post("/portal/company/users")
                        .with(as(admin))
                        .with(csrf())
                        .param("email", colleague)
                        .param("displayName", "Cole League")
                        .param("role", "MEMBER"))
                .andExpect(flash().attributeExists("flash"));
        assertThat(mail.messagesTo(colleague)).hasSize(1);
        db.sql("update identity_partner_user set password_hash = 'x', invitation_token_hash = null where email = ?")
                .param(colleague)
                .update();
        db.sql(
                        "update identity_partner_user set password_hash = (select password_hash from identity_partner_user where email = ?) where email = ?")
                .params(admin, colleague)
                .update();

        mvc.perform(get("/portal/company").with(as(colleague)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Renamed Partner")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("Your partner admin can change these details")));
        mvc.perform(post("/portal/company").with(as(colleague)).with(csrf()).param("name", "Hijacked"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/portal/company/users")
                        .with(as(colleague))
                        .with(csrf())
                        .param("email", Fixtures.uniqueEmail("x"))
                        .param("displayName", "X")
                        .param("role", "ADMIN"))
                .andExpect(status().isForbidden());
        assertThat(db.sql("select name from partners_partner where id = ?")
                        .param(fixtures.partnerOf(admin).value())
                        .query(String.class)
                        .single())
                .isEqualTo("Renamed Partner");
    }

    @Test
    void aPartnerSeesOnlyItsOwnCompany() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String mine = fixtures.partnerUser(tenant);
        String theirs = fixtures.partnerUser(tenant);
        String theirName = db.sql("select name from partners_partner where id = ?")
                .param(fixtures.partnerOf(theirs).value())
                .query(String.class)
                .single();
        mvc.perform(get("/portal/company").with(as(mine)))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(theirName))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(theirs))));
        String theirUser = db.sql("select id::text from identity_partner_user where email = ?")
                .param(theirs)
                .query(String.class)
                .single();
        mvc.perform(post("/portal/company/users/" + theirUser + "/remove")
                        .with(as(mine))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/app/partners").with(as(mine))).andExpect(status().isForbidden());
    }
}
