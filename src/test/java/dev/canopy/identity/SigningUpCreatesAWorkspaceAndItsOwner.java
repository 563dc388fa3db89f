package dev.canopy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@CanopyTest
class SigningUpCreatesAWorkspaceAndItsOwner {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    Fixtures fixtures;

    private static MockHttpServletRequestBuilder signUp(
            String company, String slug, String name, String email, String password) {
        return post("/signup")
                .with(csrf())
                .param("companyName", company)
                .param("slug", slug)
                .param("ownerName", name)
                .param("email", email)
                .param("password", password);
    }

    @Test
    void theOwnerIsSignedInAndTheSignUpIsAudited() throws Exception {
        String slug = Fixtures.unique("acme");
        String email = Fixtures.uniqueEmail("ada");
        var signedUp = mvc.perform(signUp("Acme Cloud", slug, "Ada Lovelace", email.toUpperCase(), Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/app"))
                .andReturn();
        mvc.perform(get("/app").cookie(Fixtures.session(signedUp)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Welcome, <span>Ada Lovelace</span>")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Acme Cloud")));

        assertThat(db.sql("""
                        select m.role from identity_membership m join identity_workspace w on w.id = m.workspace_id
                        join identity_account a on a.id = m.account_id where w.slug = ? and a.email = ?
                        """).params(slug, email).query(String.class).single()).isEqualTo("OWNER");
        assertThat(db.sql(
                                "select action from audit_event e join identity_workspace w on w.id = e.workspace_id where w.slug = ? order by e.id")
                        .param(slug)
                        .query(String.class)
                        .list())
                .containsExactly("workspace.created", "team.member.added");
        String hash = db.sql("select password_hash from identity_account where email = ?")
                .param(email)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{argon2}").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void badInputIsShownPerFieldAndStoresNothing() throws Exception {
        String slug = Fixtures.unique("bad");
        mvc.perform(signUp("", slug, "Ada", "not-an-email", "short"))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getCookie("CANOPY_SESSION"))
                        .isNull())
                .andExpect(model().attributeHasFieldErrors("form", "companyName", "email", "password"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter a valid email address")));
        assertThat(countWorkspaces(slug)).isZero();
    }

    @Test
    void aTakenSlugOrEmailIsRefusedAndStoresNothing() throws Exception {
        Fixtures.Tenant existing = fixtures.newWorkspace();
        String email = Fixtures.uniqueEmail("bo");
        mvc.perform(signUp("Other", existing.slug(), "Bo", email, Fixtures.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "slug"));
        assertThat(db.sql("select count(*) from identity_account where email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();

        String slug = Fixtures.unique("free");
        mvc.perform(signUp("Other", slug, "Bo", existing.owner().email(), Fixtures.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "email"));
        assertThat(countWorkspaces(slug)).isZero();
    }

    @Test
    void theSlugHintSaysWhetherTheAddressIsFree() throws Exception {
        Fixtures.Tenant existing = fixtures.newWorkspace();
        mvc.perform(get("/signup/slug").param("slug", existing.slug()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Taken")));
        mvc.perform(get("/signup/slug").param("slug", Fixtures.unique("free")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is available")));
        mvc.perform(get("/signup/slug").param("slug", "api"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("reserved")));
    }

    private long countWorkspaces(String slug) {
        return db.sql("select count(*) from identity_workspace where slug = ?")
                .param(slug)
                .query(Long.class)
                .single();
    }
}
