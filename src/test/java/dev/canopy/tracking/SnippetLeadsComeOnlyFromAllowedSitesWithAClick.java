package dev.canopy.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.testing.CanopyTest;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@CanopyTest
class SnippetLeadsComeOnlyFromAllowedSitesWithAClick {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    private TrackingFixtures tracking;
    private TrackingFixtures.Setup setup;

    @BeforeEach
    void setUp() {
        tracking = new TrackingFixtures(context);
        setup = tracking.setup();
    }

    @Test
    void theScriptCarriesTheWorkspacesEndpointWindowAndDomains() throws Exception {
        mvc.perform(get("/t/" + setup.tenant().slug() + "/canopy.js"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andExpect(content()
                        .string(Matchers.containsString("/t/" + setup.tenant().slug() + "/leads")))
                .andExpect(content().string(Matchers.containsString("days = 90")))
                .andExpect(content().string(Matchers.containsString("[\"shop.example\"]")));
        mvc.perform(get("/t/no-such-workspace/canopy.js")).andExpect(status().isNotFound());
    }

    @Test
    void aLeadFromAnotherSiteOrWithoutAClickIsRefusedAndOneClickMakesOneLead() throws Exception {
        UUID click = tracking.click(mvc, setup);
        String lead = "{\"clickId\":\"%s\",\"email\":\"%s\"}";

        lead("https://evil.example", lead.formatted(click, "ann@acme.example")).andExpect(status().isForbidden());
        lead(null, lead.formatted(click, "ann@acme.example")).andExpect(status().isForbidden());
        lead("https://www.shop.example", "{\"email\":\"ann@acme.example\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clickId"));
        assertThat(tracking.rows("tracking_event", setup.tenant())).isZero();

        lead("https://www.shop.example", lead.formatted(click, "ann@acme.example"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://www.shop.example"))
                .andExpect(jsonPath("$.outcome").value("ATTRIBUTED"));
        lead("https://www.shop.example", lead.formatted(click, "someone-else@acme.example"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true));

        assertThat(tracking.rows("tracking_customer", setup.tenant())).isEqualTo(1);
    }

    private ResultActions lead(String origin, String body) throws Exception {
        var request = post("/t/" + setup.tenant().slug() + "/leads")
                .contentType("text/plain")
                .content(body);
        return mvc.perform(origin == null ? request : request.header("Origin", origin));
    }
}
