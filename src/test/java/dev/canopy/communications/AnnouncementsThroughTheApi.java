package dev.canopy.communications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator writes an announcement to one region, lists it, corrects it, publishes it (a second publish is a
 * conflict), reads who read it, and archives it.
 */
@CanopyTest
class AnnouncementsThroughTheApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Announcements announcements;

    @Autowired
    MockMvc mvc;

    String key;

    @Test
    void writeCorrectPublishReadReceiptsAndArchive() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        DealFixtures.Member apac = new CommunicationsFixtures(context).partnerIn(tenant, "APAC");
        String body = """
                {"title":"Price list","body":"New **prices**","pinned":true,"segment":{"regions":["APAC"]}}""";

        MockHttpServletResponse created = send(post("/api/v1/announcements").content(body));
        assertThat(created.getStatus()).isEqualTo(201);
        String id = json(created).get("id").asString();
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/announcements/" + id);
        assertThat(json(created).get("state").asString()).isEqualTo("DRAFT");

        JsonNode list = json(send(get("/api/v1/announcements?limit=1")));
        assertThat(list.get("data").get(0).get("id").asString()).isEqualTo(id);
        MockHttpServletResponse updated = send(put("/api/v1/announcements/" + id)
                .content(body.replace("Price list", "Price list 2027").replace("\"pinned\":true", "\"pinned\":false")));
        assertThat(updated.getStatus()).isEqualTo(200);
        assertThat(json(send(get("/api/v1/announcements/" + id))).get("title").asString())
                .isEqualTo("Price list 2027");

        JsonNode published = json(send(post("/api/v1/announcements/" + id + "/publish")));
        assertThat(published.get("state").asString()).isEqualTo("LIVE");
        assertThat(published.get("segment").get("regions").get(0).asString()).isEqualTo("APAC");
        assertThat(send(post("/api/v1/announcements/" + id + "/publish")).getStatus())
                .isEqualTo(409);

        new DealFixtures(context).asPartner(apac, () -> {
            announcements.markRead(java.util.UUID.fromString(id));
            return null;
        });
        JsonNode receipts = json(send(get("/api/v1/announcements/" + id + "/receipts")));
        assertThat(receipts.get("read").asLong()).isEqualTo(1);
        assertThat(receipts.get("of").asLong()).isEqualTo(1);
        assertThat(receipts.get("partners")
                        .get(0)
                        .get("readers")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("Partner Person");

        JsonNode archived = json(send(post("/api/v1/announcements/" + id + "/archive")));
        assertThat(archived.get("state").asString()).isEqualTo("ARCHIVED");
        assertThat(json(send(get("/api/v1/announcements"))).get("data")).isEmpty();
        assertThat(json(send(get("/api/v1/announcements?archived=true"))).get("data"))
                .hasSize(1);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString());
    }
}
