package dev.canopy.identity;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class ApiKeysAuthenticateTheApi {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient db;

    @Test
    void aKeyCreatedInTheConsoleIsShownOnceStoredHashedAndWorksUntilRevoked() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        var created = (CreatedApiKey) mvc.perform(post("/app/api-keys")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("name", "Billing system")
                        .param("scope", "READ_WRITE"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("shown only this once")))
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("created");
        String secret = created.secret();
        assertThat(secret).startsWith(created.key().prefix() + "_");
        assertThat(db.sql("select count(*) from identity_api_key where secret_hash = ? or prefix = ?")
                        .params(secret, secret)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(created.key().lastUsedAt()).isNull();

        mvc.perform(get("/api/v1/workspace").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(tenant.slug()));
        assertThat(db.sql("select last_used_at is not null from identity_api_key where id = ?")
                        .param(created.key().id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        // The list shows the prefix, never the secret.
        mvc.perform(get("/app/api-keys").with(signedIn(tenant.owner())))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                created.key().prefix())))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret))));

        mvc.perform(post("/app/api-keys/" + created.key().id() + "/revoke")
                        .with(signedIn(tenant.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/app/api-keys"));
        mvc.perform(get("/api/v1/workspace").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void missingWrongOrForgedKeysAreUnauthorized() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String secret = fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(get("/api/v1/workspace")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/workspace").header("Authorization", "Bearer nonsense"))
                .andExpect(status().isUnauthorized());
        String forged = secret.substring(0, secret.length() - 2) + (secret.endsWith("AA") ? "BB" : "AA");
        mvc.perform(get("/api/v1/workspace").header("Authorization", "Bearer " + forged))
                .andExpect(status().isUnauthorized());
        // A browser session does not authenticate the API.
        var session = Fixtures.session(mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                        "/login")
                                .userParameter("email")
                                .user(tenant.owner().email())
                                .password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/app"))
                .andReturn());
        mvc.perform(get("/api/v1/workspace").cookie(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void aReadOnlyKeyCannotWrite() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String secret = fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(get("/api/v1/members").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].email").value(tenant.owner().email()));
        mvc.perform(post("/api/v1/invitations")
                        .header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"x@example.com\",\"role\":\"ADMIN\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        assertThat(fixtures.count("identity_invitation", tenant.id())).isZero();
    }

    @Test
    void whatAKeyDoesIsAuditedAsTheKey() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String secret = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        mvc.perform(post("/api/v1/invitations")
                        .header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + Fixtures.uniqueEmail("api") + "\",\"role\":\"SALES\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(get("/api/v1/audit-events")
                        .param("action", "team.invitation.created")
                        .header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].actor.kind").value("API_KEY"))
                .andExpect(jsonPath("$.data[0].after.role").value("SALES"))
                .andExpect(jsonPath("$.data[0].before").doesNotExist());
    }
}
