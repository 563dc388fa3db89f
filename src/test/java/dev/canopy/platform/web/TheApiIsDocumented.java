package dev.canopy.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.testing.CanopyTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class TheApiIsDocumented {

    @Autowired
    MockMvc mvc;

    @Test
    void theOpenApiDocumentDescribesKeysIdempotencyAndEveryEndpoint() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Canopy API"))
                .andExpect(
                        jsonPath("$.components.securitySchemes.apiKey.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/v1/invitations'].post.parameters[?(@.name == 'Idempotency-Key')]")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/workspace'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/members'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/audit-events'].get").exists())
                .andExpect(
                        jsonPath("$.paths['/api/v1/invitations/{id}'].delete").exists());
    }

    @Test
    void swaggerUiIsServedWithoutSigningIn() throws Exception {
        mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void healthAndMetricsAreExposed() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
    }
}
