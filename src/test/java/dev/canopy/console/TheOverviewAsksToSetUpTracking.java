package dev.canopy.console;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.TrackingSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class TheOverviewAsksToSetUpTracking {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TrackingSettings tracking;

    @Test
    void theTrackingStepIsDoneOnceADomainIsAllowed() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();

        assertThat(step(tenant)).doesNotContain("done");
        fixtures.as(tenant.owner(), () -> tracking.allowDomain("acme.example"));
        assertThat(step(tenant)).contains("done");
    }

    /** The classes of the tracking step's title. */
    private String step(Fixtures.Tenant tenant) throws Exception {
        String html = mvc.perform(get("/app").with(signedIn(tenant.owner())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int title = html.indexOf(">Track what partners bring<");
        assertThat(title).isPositive();
        return html.substring(html.lastIndexOf("<div", title), title);
    }
}
