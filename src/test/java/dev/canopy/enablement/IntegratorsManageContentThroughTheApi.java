package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator adds a link for one programme, finds it, narrows its audience to a named partner, reads its usage,
 * archives and restores it; bad input answers a problem naming the field and stores nothing; a read-only key may
 * read but not write.
 */
@CanopyTest
class IntegratorsManageContentThroughTheApi {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Test
    void aLinkIsAddedFoundNarrowedArchivedAndRestored() throws Exception {
        DealFixtures f = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);
        String key = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);

        String created = mvc.perform(post("/api/v1/content")
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"LINK","title":"Demo video","url":"https://video.example.com/demo",
                                 "folder":"Demos","tags":["video"],"dealStages":["PROPOSAL"],
                                 "audience":{"programIds":["%s"]},"expireOn":"2099-01-01"}
                                """.formatted(program.id().value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("LIVE"))
                .andExpect(jsonPath("$.audience.match").value("ALL"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonMapper.builder().build().readTree(created).get("id").asString();

        mvc.perform(get("/api/v1/content?q=demo").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].id").value(id));
        mvc.perform(get("/api/v1/content/" + id).header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expireOn").value("2099-01-01"));
        mvc.perform(put("/api/v1/content/" + id)
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"LINK","title":"Demo video","url":"https://video.example.com/demo",
                                 "audience":{"partnerIds":["%s"]}}
                                """.formatted(member.id().value())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.audience.partnerIds[0]")
                        .value(member.id().value().toString()))
                .andExpect(jsonPath("$.audience.programIds").isEmpty());
        mvc.perform(get("/portal/content/" + id).with(f.portal(member))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/content/" + id + "/usage").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].views").value(1))
                .andExpect(jsonPath("$.data[0].partnerId")
                        .value(member.id().value().toString()));
        mvc.perform(post("/api/v1/content/" + id + "/archive").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ARCHIVED"));
        mvc.perform(get("/portal/content/" + id).with(f.portal(member))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/content/" + id + "/restore").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("LIVE"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsStored() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String key = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String problem = mvc.perform(post("/api/v1/content")
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"LINK","title":"","url":"javascript:alert(1)",
                                 "audience":{"match":"SOME","programIds":["not-an-id"]},"expireOn":"2020-01-01",
                                 "publishFrom":"2021-01-01"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode errors = JsonMapper.builder().build().readTree(problem).get("errors");
        assertThat(errors.findValuesAsString("field"))
                .containsExactlyInAnyOrder("title", "url", "match", "programIds", "expireOn");
        assertThat(fixtures.count("enablement_asset", tenant.id())).isZero();

        String readOnly = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(post("/api/v1/content")
                        .header("Authorization", readOnly)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"TEXT\",\"title\":\"FAQ\",\"body\":\"Answers\"}"))
                .andExpect(status().isForbidden());
        assertThat(fixtures.count("enablement_asset", tenant.id())).isZero();
    }
}
