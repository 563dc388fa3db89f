package dev.canopy.tracking;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.testing.CanopyTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class BadTrackingQueriesAreRefusedPolitely {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void malformedIdsAndCursorsAre4xxNever500() throws Exception {
        TrackingFixtures.Setup setup = new TrackingFixtures(context).setup();
        String key = "Bearer " + setup.apiKey();

        mvc.perform(get("/api/v1/customers").param("cursor", "yesterday").header("Authorization", key))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/links/not-a-uuid").header("Authorization", key))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/links").param("partnerId", "x").header("Authorization", key))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/app/customers")
                        .param("before", "yesterday")
                        .with(signedIn(setup.tenant().owner())))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/app/links/not-a-uuid").with(signedIn(setup.tenant().owner())))
                .andExpect(status().is4xxClientError());
    }
}
