package dev.canopy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of the API, whatever answers it — a handler, a filter, Spring Security, the dispatcher for a path
 * or method it does not know — is one RFC 9457 shape: a stable {@code type} per kind, the kind's title, the
 * status, a detail, and the request's id as {@code instance}, the same id as the {@code Request-Id} header.
 */
@CanopyTest
class ApiErrorsAreOneShape {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private String key;

    @BeforeEach
    void aKey() {
        key = fixtures.apiKey(fixtures.newWorkspace(), ApiKeyScope.READ_WRITE);
    }

    @Test
    void anUnknownPathIsANotFoundProblem() throws Exception {
        JsonNode problem = problem(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + key), 404);
        assertThat(problem.path("type").asString()).isEqualTo("urn:canopy:problem:not-found");
        assertThat(problem.path("detail").asString()).contains("/api/v1/no-such-thing");
    }

    @Test
    void anUnknownMethodIsAMethodNotAllowedProblemThatSaysWhichAre() throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        delete("/api/v1/workspace").header("Authorization", "Bearer " + key))
                .andReturn()
                .getResponse();
        JsonNode problem = check(response, 405);
        assertThat(problem.path("type").asString()).isEqualTo("urn:canopy:problem:method-not-allowed");
        assertThat(response.getHeader("Allow")).contains("GET");
    }

    @Test
    void noKeyIsAnUnauthorizedProblem() throws Exception {
        JsonNode problem = problem(get("/api/v1/partners"), 401);
        assertThat(problem.path("type").asString()).isEqualTo("urn:canopy:problem:unauthorized");
    }

    @Test
    void badInputIsAnInvalidInputProblemNamingTheField() throws Exception {
        JsonNode problem = problem(
                post("/api/v1/partners")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\"}"),
                400);
        assertThat(problem.path("type").asString()).isEqualTo("urn:canopy:problem:invalid-input");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("name");
    }

    @Test
    void aMalformedBodyIsItsOwnKind() throws Exception {
        JsonNode problem = problem(
                post("/api/v1/partners")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":"),
                400);
        assertThat(problem.path("type").asString()).isEqualTo("urn:canopy:problem:malformed-body");
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/partners, 500",
        "/api/v1/applications, 200",
        "/api/v1/leads, 200",
        "/api/v1/deals, 200",
        "/api/v1/audit-events, 200",
        "/api/v1/commissions, 200",
        "/api/v1/links, 200",
        "/api/v1/customers, 200",
        "/api/v1/members, 200",
        "/api/v1/payout-runs, 200"
    })
    void aLimitOutOfRangeIsRefusedNotQuietlyClamped(String list, int maximum) throws Exception {
        for (int wrong : new int[] {0, -1, maximum + 1}) {
            JsonNode problem = problem(
                    get(list).param("limit", String.valueOf(wrong)).header("Authorization", "Bearer " + key), 400);
            assertThat(problem.path("type").asString()).isEqualTo("urn:canopy:problem:invalid-input");
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("limit");
        }
        assertThat(mvc.perform(get(list)
                                .param("limit", String.valueOf(maximum))
                                .header("Authorization", "Bearer " + key))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void theCallersRequestIdIsKeptAndAnUnusableOneReplaced() throws Exception {
        MockHttpServletResponse kept = mvc.perform(get("/api/v1/workspace")
                        .header("Authorization", "Bearer " + key)
                        .header("X-Request-Id", "billing-run-42.7"))
                .andReturn()
                .getResponse();
        assertThat(kept.getStatus()).isEqualTo(200);
        assertThat(kept.getHeader("Request-Id")).isEqualTo("billing-run-42.7");

        MockHttpServletResponse replaced = mvc.perform(get("/api/v1/no-such-thing")
                        .header("Authorization", "Bearer " + key)
                        .header("X-Request-Id", "<script>"))
                .andReturn()
                .getResponse();
        assertThat(replaced.getHeader("Request-Id")).matches("req_[0-9a-z]{20}");
        assertThat(check(replaced, 404).path("instance").asString()).isEqualTo(replaced.getHeader("Request-Id"));
    }

    @Test
    void everyAnswerHasItsOwnId() throws Exception {
        String first = mvc.perform(get("/api/v1/workspace").header("Authorization", "Bearer " + key))
                .andReturn()
                .getResponse()
                .getHeader("Request-Id");
        String second = mvc.perform(get("/api/v1/workspace").header("Authorization", "Bearer " + key))
                .andReturn()
                .getResponse()
                .getHeader("Request-Id");
        assertThat(first).matches("req_[0-9a-z]{20}").isNotEqualTo(second);
    }

    private JsonNode problem(RequestBuilder request, int status) throws Exception {
        return check(mvc.perform(request).andReturn().getResponse(), status);
    }

    /** The shape every problem has, its instance the response's Request-Id. */
    private static JsonNode check(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).startsWith("urn:canopy:problem:");
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).isNotBlank().isEqualTo(response.getHeader("Request-Id"));
        return problem;
    }
}
