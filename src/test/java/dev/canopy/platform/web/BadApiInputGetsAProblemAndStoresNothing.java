package dev.canopy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@CanopyTest
class BadApiInputGetsAProblemAndStoresNothing {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private Fixtures.Tenant tenant;
    private String key;

    @BeforeEach
    void tenant() {
        tenant = fixtures.newWorkspace();
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
    }

    private ResultActions postInvitation(String json) throws Exception {
        return mvc.perform(post("/api/v1/invitations")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        postInvitation("{\"email\": \"x@example.com\", ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed request body"));
        postInvitation("[1, 2]").andExpect(status().isBadRequest());
        assertThat(fixtures.count("identity_invitation", tenant.id())).isZero();
    }

    @Test
    void eachWrongFieldIsNamed() throws Exception {
        postInvitation("{\"email\":\"not-an-email\",\"role\":\"EMPEROR\"}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("email", "role")));
        postInvitation("{}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("email", "role")));
        postInvitation("{\"email\":\"a@example.com\",\"role\":\"OWNER\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        assertThat(fixtures.count("identity_invitation", tenant.id())).isZero();
    }

    @Test
    void oversizeBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        String huge = "{\"email\":\"" + "a".repeat(1_100_000) + "@example.com\",\"role\":\"ADMIN\"}";
        postInvitation(huge)
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.status").value(413));
        assertThat(fixtures.count("identity_invitation", tenant.id())).isZero();
    }

    @Test
    void unknownIdsAndMalformedIdsAreClientErrors() throws Exception {
        mvc.perform(get("/api/v1/invitations/" + java.util.UUID.randomUUID()).header("Authorization", "Bearer " + key))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Invitation not found"));
        mvc.perform(get("/api/v1/invitations/not-a-uuid").header("Authorization", "Bearer " + key))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit-events").param("limit", "abc").header("Authorization", "Bearer " + key))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aBadIdempotencyKeyIsNamed() throws Exception {
        mvc.perform(post("/api/v1/invitations")
                        .header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", "x".repeat(300))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@example.com\",\"role\":\"ADMIN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid Idempotency-Key"));
        assertThat(fixtures.count("identity_invitation", tenant.id())).isZero();
    }
}
