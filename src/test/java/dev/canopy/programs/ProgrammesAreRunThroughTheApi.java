package dev.canopy.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Programmes, applications and memberships through the API: create, read, update, decide, page through. */
@CanopyTest
class ProgrammesAreRunThroughTheApi {

    private static final String PROGRAM = """
            {"name":"Technology partners","partnerTypes":["TECHNOLOGY","ISV"],
             "valueProposition":"Build an integration and reach our 4,000 customers through the marketplace.",
             "rewardType":"COMMISSION","rewardRateMin":10,"rewardRateMax":"20","rewardBasis":"of first-year contract value",
             "currency":"eur","attributionWindowDays":60,"reapplyAfterDays":"45"}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    private Fixtures.Tenant tenant;
    private String key;

    @BeforeEach
    void aWorkspaceWithAKey() {
        tenant = fixtures.newWorkspace();
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
    }

    private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + key));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String json) throws Exception {
        return call(request.contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void createReadAndUpdateAProgramme() throws Exception {
        String id = JsonPath.read(
                send(post("/api/v1/programs").header("Idempotency-Key", "create-tech-1"), PROGRAM)
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.slug").value("technology-partners"))
                        .andExpect(jsonPath("$.reward.currency").value("EUR"))
                        .andExpect(jsonPath("$.reward.rateMin").value("10.00"))
                        .andExpect(jsonPath("$.attributionWindowDays").value(60))
                        .andExpect(jsonPath("$.holdPeriodDays").value(30))
                        .andExpect(jsonPath("$.reapplyAfterDays").value(45))
                        .andExpect(jsonPath("$.demotionGraceDays").value(90))
                        .andExpect(jsonPath("$.acceptingApplications").value(true))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        // The same Idempotency-Key replays the first answer instead of creating another programme.
        send(post("/api/v1/programs").header("Idempotency-Key", "create-tech-1"), PROGRAM)
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(id));
        assertThat(fixtures.count("programs_program", tenant.id())).isEqualTo(1);

        send(
                        put("/api/v1/programs/" + id),
                        PROGRAM.replace("\"currency\":\"eur\"", "\"currency\":\"USD\",\"acceptingApplications\":false"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reward.currency").value("USD"))
                .andExpect(jsonPath("$.acceptingApplications").value(false));
        call(get("/api/v1/programs"))
                .andExpect(jsonPath("$.data[0].id").value(id))
                .andExpect(jsonPath("$.data[0].tiers").isArray())
                .andExpect(jsonPath("$.data[0].currentTerms").doesNotExist());
        call(get("/api/v1/programs/" + id)).andExpect(jsonPath("$.name").value("Technology partners"));
        // Closed to applications: the public page is gone.
        mvc.perform(get("/programs/" + tenant.slug() + "/technology-partners")).andExpect(status().isNotFound());

        String readOnly = fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(post("/api/v1/programs")
                        .header("Authorization", "Bearer " + readOnly)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PROGRAM.replace("Technology partners", "Other")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/programs/" + id).header("Authorization", "Bearer " + readOnly))
                .andExpect(status().isOk());
    }

    @Test
    void applicationsArePagedFilteredAndDecided() throws Exception {
        ProgramFixtures programFixtures = new ProgramFixtures(context);
        ProgramView referral = programFixtures.program(tenant, "Referral", PartnerType.REFERRAL);
        ProgramView reseller = programFixtures.program(tenant, "Resale", PartnerType.RESELLER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(ProgramFixtures.application(
                    tenant, referral, "Referrer " + i, Fixtures.uniqueEmail("r"), Fixtures.unique("r") + ".example"));
        }
        mvc.perform(ProgramFixtures.application(
                tenant, reseller, "Reseller Co", Fixtures.uniqueEmail("s"), Fixtures.unique("s") + ".example"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            MockHttpServletRequestBuilder page = get("/api/v1/applications")
                    .param("programId", referral.id().toString())
                    .param("limit", "2");
            if (cursor != null) {
                page.param("cursor", cursor);
            }
            String json = call(page)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            seen.addAll(JsonPath.read(json, "$.data[*].companyName"));
            cursor = JsonPath.using(com.jayway.jsonpath.Configuration.defaultConfiguration()
                            .addOptions(com.jayway.jsonpath.Option.DEFAULT_PATH_LEAF_TO_NULL))
                    .parse(json)
                    .read("$.nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly("Referrer 4", "Referrer 3", "Referrer 2", "Referrer 1", "Referrer 0");

        String resellerApplication = JsonPath.read(
                call(get("/api/v1/applications")
                                .param("programId", reseller.id().toString()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.data[0].id");
        call(get("/api/v1/applications/" + resellerApplication))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.score").value(0))
                .andExpect(jsonPath("$.partnerTypes[0]").value("RESELLER"));
        String partnerId = JsonPath.read(
                call(post("/api/v1/applications/" + resellerApplication + "/approve"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("APPROVED"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.partnerId");
        call(post("/api/v1/applications/" + resellerApplication + "/approve")).andExpect(status().isConflict());

        call(get("/api/v1/applications").param("status", "APPROVED"))
                .andExpect(jsonPath("$.data.length()").value(1))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        call(get("/api/v1/applications").param("status", "PENDING"))
                .andExpect(jsonPath("$.data.length()").value(5));

        call(get("/api/v1/memberships").param("programId", reseller.id().toString()))
                .andExpect(jsonPath("$.data[0].partnerId").value(partnerId))
                .andExpect(jsonPath("$.data[0].partnerName").value("Reseller Co"));
        call(get("/api/v1/memberships").param("partnerId", partnerId))
                .andExpect(jsonPath("$.data.length()").value(1))
                .andExpect(jsonPath("$.data[0].programName").value("Resale"));

        // An existing partner joins another programme through the API, once.
        send(post("/api/v1/programs/" + referral.id() + "/memberships"), "{\"partnerId\":\"" + partnerId + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.programName").value("Referral"));
        send(post("/api/v1/programs/" + referral.id() + "/memberships"), "{\"partnerId\":\"" + partnerId + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("partnerId"));
        call(get("/api/v1/memberships").param("partnerId", partnerId))
                .andExpect(jsonPath("$.data.length()").value(2));
        assertThat(new PartnerId(java.util.UUID.fromString(partnerId))).isNotNull();
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(jsonPath("$.paths['/api/v1/programs'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/programs/{id}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/programs/{id}/evaluate'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/applications'].get.parameters[*].name")
                        .value(Matchers.hasItems("programId", "status", "cursor", "limit")))
                .andExpect(jsonPath("$.paths['/api/v1/applications/{id}/reject'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/memberships'].get").exists());
    }
}
