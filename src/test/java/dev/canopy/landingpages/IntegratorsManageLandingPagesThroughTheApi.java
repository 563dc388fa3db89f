package dev.canopy.landingpages;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An integrator writes a template, publishes it and withdraws it, reads it a page at a time, and reads the partners'
 * pages with their leads; bad input is a problem naming its field, down to the section.
 */
@CanopyTest
class IntegratorsManageLandingPagesThroughTheApi {

    private static final String TEMPLATES = "/api/v1/landing-pages/templates";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Test
    void templatesAreWrittenPublishedAndReadAndPagesListed() throws Exception {
        LandingPagesFixtures f = new LandingPagesFixtures(context);
        LandingPagesFixtures.Live live = f.live("Our words");
        String key = "Bearer " + fixtures.apiKey(f.tenant, ApiKeyScope.READ_WRITE);

        String location = mvc.perform(post(TEMPLATES)
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name":"A second template","headline":"{{partner.name}} in the cloud","ctaLabel":"Call us",
                         "sections":[{"heading":"Why","body":"**Because**"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.published").value(false))
                .andExpect(jsonPath("$.sections[0].body").value("**Because**"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(put(location)
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name":"A second template","headline":"With {{partner.name}}","ctaLabel":"Call us",
                         "sections":[],"published":true}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.headline").value("With {{partner.name}}"))
                .andExpect(jsonPath("$.sections").isEmpty());
        mvc.perform(get(location).header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("A second template"))
                .andExpect(jsonPath("$.pages").value(0));

        mvc.perform(get(TEMPLATES + "?limit=1").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].name").value("A second template"))
                .andExpect(jsonPath("$.nextCursor").isNotEmpty());

        mvc.perform(get("/api/v1/landing-pages/pages").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data", Matchers.hasSize(1)))
                .andExpect(jsonPath("$.data[0].id")
                        .value(live.member().id().value().toString()))
                .andExpect(jsonPath("$.data[0].live").value(true))
                .andExpect(jsonPath("$.data[0].leads").value(0));
        mvc.perform(get("/api/v1/landing-pages/pages/" + live.member().id().value())
                        .header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(live.page().slug()))
                .andExpect(jsonPath("$.text").value("Our words"))
                .andExpect(jsonPath("$.templateId").value(f.template.id().toString()));

        // Withdrawn, the template takes the partner's page offline.
        mvc.perform(put(TEMPLATES + "/" + f.template.id())
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name":"Withdrawn","headline":"H","ctaLabel":"Go","published":false}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(false))
                .andExpect(jsonPath("$.pages").value(1));
        mvc.perform(get(live.path(f.tenant))).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsAProblemNamingItsField() throws Exception {
        LandingPagesFixtures f = new LandingPagesFixtures(context);
        String key = "Bearer " + fixtures.apiKey(f.tenant, ApiKeyScope.READ_WRITE);
        mvc.perform(post(TEMPLATES)
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name":"","headline":"H","ctaLabel":"Go","sections":[{"heading":"","body":" "}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("name", "sections[0]")));
        mvc.perform(get(TEMPLATES).header("Authorization", key)).andExpect(jsonPath("$.data", Matchers.hasSize(1)));
    }
}
