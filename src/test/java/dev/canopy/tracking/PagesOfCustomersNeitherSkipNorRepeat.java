package dev.canopy.tracking;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.testing.CanopyTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customers created in the same instant (an import, a burst of sign-ups: here set so in the table) straddle a
 * page's edge: each is on exactly one page, through the API's opaque cursor and the console's "Older" link
 * alike. A cursor of the time alone skipped the rest of that instant.
 */
@CanopyTest
class PagesOfCustomersNeitherSkipNorRepeat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    private TrackingFixtures.Setup setup;
    private final List<String> emails = new ArrayList<>();

    @BeforeEach
    void fiveCustomersInOneInstant() throws Exception {
        setup = new TrackingFixtures(context).setup();
        for (int i = 0; i < 5; i++) {
            String email = "same-instant-" + i + "-" + UUID.randomUUID() + "@example.com";
            emails.add(email);
            mvc.perform(post("/api/v1/events/lead")
                    .header("Authorization", "Bearer " + setup.apiKey())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"id\":\"tie-%d\",\"email\":\"%s\"}".formatted(i, email)));
        }
    }

    private void allInOneInstant() {
        db.sql("update tracking_customer set created_at = timestamptz '2026-11-18 09:00:00Z' where workspace_id = ?")
                .param(setup.tenant().id().value())
                .update();
    }

    @Test
    void theApiPagesThroughEveryOneOnce() throws Exception {
        allInOneInstant();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request =
                    get("/api/v1/customers").param("limit", "2").header("Authorization", "Bearer " + setup.apiKey());
            if (cursor != null) {
                request = request.param("cursor", cursor);
            }
            JsonNode page =
                    JSON.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());
            assertThat(page.path("data").size()).isLessThanOrEqualTo(2);
            page.path("data")
                    .forEach(customer -> seen.add(customer.path("email").asString()));
            cursor =
                    page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(emails);
    }

    @Test
    void theConsolesOlderLinkContinuesWhereThePageEnded() throws Exception {
        IntStream.range(0, 50).forEach(i -> lead("filler-" + i));
        allInOneInstant();
        String first = console("/app/customers");
        String older = olderLink(first);
        String second = console(older);
        for (String email : emails) {
            assertThat(first.contains(email) ^ second.contains(email)).as(email).isTrue();
        }
        assertThat(mvc.perform(get("/api/v1/customers")
                                .param("cursor", "not-ours")
                                .header("Authorization", "Bearer " + setup.apiKey()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"field\":\"cursor\"");
    }

    private void lead(String id) {
        try {
            mvc.perform(post("/api/v1/events/lead")
                    .header("Authorization", "Bearer " + setup.apiKey())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"id\":\"%s\",\"email\":\"%s@later.example\"}".formatted(id, id)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String console(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn(setup.tenant().owner())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String olderLink(String page) {
        int at = page.indexOf("href=\"/app/customers?");
        assertThat(at).as("an Older link").isPositive();
        return page.substring(at + 6, page.indexOf('"', at + 6)).replace("&amp;", "&");
    }
}
