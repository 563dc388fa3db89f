package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator adds a link for one programme, finds it, narrows its audience to a named partner, reads its usage,
 * archives and restores it; uploads a file (its type read from its bytes, its words searchable) and a new version of
 * it; bad input answers a problem naming the field and stores nothing; a read-only key may read but not write.
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

    @Test
    void aFileIsUploadedFoundByItsWordsAndReplacedByANewVersion() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String key = "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        MockMultipartFile asset = new MockMultipartFile(
                "asset", "", MediaType.APPLICATION_JSON_VALUE, """
                        {"kind":"LINK","title":"Price list","folder":"Pricing","industries":["Retail"]}
                        """.getBytes(StandardCharsets.UTF_8));

        String created = mvc.perform(multipart("/api/v1/content/files")
                        .file(asset)
                        .file(new MockMultipartFile(
                                "file", "prices.pdf", "text/plain", SampleFiles.pdf("Quantum discount tiers")))
                        .header("Authorization", key))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("FILE"))
                .andExpect(jsonPath("$.file.version").value(1))
                .andExpect(jsonPath("$.file.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.industries[0]").value("Retail"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonMapper.builder().build().readTree(created).get("id").asString();
        mvc.perform(get("/api/v1/content?q=quantum").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].id").value(id));

        mvc.perform(multipart("/api/v1/content/" + id + "/file")
                        .file(new MockMultipartFile("file", "prices-2027.pdf", "", SampleFiles.pdf("Prices 2027")))
                        .header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.file.version").value(2))
                .andExpect(jsonPath("$.file.fileName").value("prices-2027.pdf"));

        // A page of script named as a PDF, and a form without its file, store nothing.
        mvc.perform(multipart("/api/v1/content/files")
                        .file(asset)
                        .file(new MockMultipartFile(
                                "file",
                                "invoice.pdf",
                                "application/pdf",
                                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", key))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        // Spring's own refusals carry Canopy's problem type and the request's id, as every other problem does.
        mvc.perform(multipart("/api/v1/content/files").file(asset).header("Authorization", key))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:canopy:problem:invalid-input"))
                .andExpect(jsonPath("$.instance").value(org.hamcrest.Matchers.startsWith("req_")));
        mvc.perform(post("/api/v1/content/files")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Price list\"}")
                        .header("Authorization", key))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:canopy:problem:unsupported-media-type"));
        assertThat(fixtures.count("enablement_asset", tenant.id())).isEqualTo(1);
    }
}
