package dev.canopy.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.testing.CanopyTest;
import dev.canopy.tracking.TrackingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class PartnerHomeShowsWhereItStands {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void theHomeSumsUpProgrammesLinksDealsAndLeads() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        DealFixtures deals = new DealFixtures(context);
        DealFixtures.Member member = deals.member(setup.tenant(), setup.program());
        tracking.link(setup.tenant(), member.id(), setup.program(), "https://shop.example/");
        deals.register(member, setup.program(), "Initech", "initech-" + System.nanoTime() + ".com");

        String html = mvc.perform(get("/portal").with(deals.portal(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");

        assertThat(text)
                .contains(setup.program().name())
                .contains("0 clicks 0 leads 0 paying customers")
                .contains("1 waiting for review 0 protected 0 won")
                .contains("0 waiting for your answer");
        assertThat(html).contains("/r/" + setup.tenant().slug() + "/");
    }
}
