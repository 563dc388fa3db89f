package dev.canopy.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator lists the directory's entries a page at a time, reads one, corrects its words and hides it; the
 * public directory follows, the partner's opt-in stays its own, and bad input is a problem naming its field.
 */
@CanopyTest
class IntegratorsManageDirectoryEntriesThroughTheApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Test
    void entriesAreListedReadCorrectedAndHidden() throws Exception {
        DirectoryFixtures f = new DirectoryFixtures(context);
        DirectoryFixtures.Listed first =
                f.listed(f.gold, DirectoryFixtures.profile(List.of("Implementation"), List.of(), List.of("EMEA")));
        DirectoryFixtures.Listed second =
                f.listed(f.silver, DirectoryFixtures.profile(List.of(), List.of(), List.of()));
        DealFixtures.Member quiet = f.partner(null);
        String key = "Bearer " + fixtures.apiKey(f.tenant, ApiKeyScope.READ_WRITE);

        JsonNode page = json(mvc.perform(
                        get("/api/v1/directory/entries?limit=1").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].id").value(first.id().value().toString()))
                .andExpect(jsonPath("$.data[0].tier").value("Gold"))
                .andExpect(jsonPath("$.data[0].listed").value(true)));
        mvc.perform(get("/api/v1/directory/entries?limit=1")
                        .param("cursor", page.get("nextCursor").asString())
                        .header("Authorization", key))
                .andExpect(jsonPath("$.data[0].id").value(second.id().value().toString()))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());

        String entry = "/api/v1/directory/entries/" + first.id().value();
        mvc.perform(get(entry).header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(first.slug()))
                .andExpect(jsonPath("$.services[0]").value("Implementation"));
        mvc.perform(put(entry)
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"description":"Corrected by staff","website":"www.first.example","services":["Migration"],
                         "hidden":true,"hiddenReason":"Checking their references"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("Corrected by staff"))
                .andExpect(jsonPath("$.website").value("https://www.first.example"))
                .andExpect(jsonPath("$.hidden").value(true))
                .andExpect(jsonPath("$.optedIn").value(true))
                .andExpect(jsonPath("$.listed").value(false));
        mvc.perform(get("/directory/" + f.tenant.slug() + "/partners.json"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(first.slug()))));
        mvc.perform(put(entry)
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"description":"Corrected by staff","hidden":false}"""))
                .andExpect(jsonPath("$.listed").value(true));

        // A partner that never opted in has an entry the API may correct, but never lists.
        mvc.perform(put("/api/v1/directory/entries/" + quiet.id().value())
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"Listed by staff?\",\"hidden\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.optedIn").value(false))
                .andExpect(jsonPath("$.listed").value(false));

        mvc.perform(put(entry)
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"website":"javascript:alert(1)","contactEmail":"nobody","services":["=cmd|' /C calc'!A0"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("website", "contactEmail", "services")));
        mvc.perform(get("/api/v1/directory/entries/" + UUID.randomUUID()).header("Authorization", key))
                .andExpect(status().isNotFound());
        assertThat(json(mvc.perform(get(entry).header("Authorization", key)))
                        .get("description")
                        .asString())
                .isEqualTo("Corrected by staff");
    }

    private static JsonNode json(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
