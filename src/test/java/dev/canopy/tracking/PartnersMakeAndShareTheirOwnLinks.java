package dev.canopy.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CanopyTest
class PartnersMakeAndShareTheirOwnLinks {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    private TrackingFixtures.Setup setup;
    private RequestPostProcessor bluebird;

    @BeforeEach
    void setUp() {
        setup = new TrackingFixtures(context).setup();
        bluebird = ProgramFixtures.partnerUser(setup.tenant(), setup.partner());
    }

    @Test
    void aPartnerFindsItsPersonalLinkAndMakesAnotherOnAnAllowedDomainOnly() throws Exception {
        String page = mvc.perform(get("/portal/links").with(bluebird))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(setup.link().url()).contains("personal");

        mvc.perform(post("/portal/links")
                        .with(bluebird)
                        .with(csrf())
                        .param("programId", setup.program().id().value().toString())
                        .param("slug", "Spring Webinar!")
                        .param("destination", "https://evil.example/"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is not one of the allowed domains")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lower-case letters")));
        long before = fixtures.count("tracking_link", setup.tenant().id());

        mvc.perform(post("/portal/links")
                        .with(bluebird)
                        .with(csrf())
                        .param("programId", setup.program().id().value().toString())
                        .param("slug", "spring-webinar-" + Fixtures.unique("x").substring(2))
                        .param("destination", "https://blog.shop.example/webinar")
                        .param("utmCampaign", "spring"))
                .andExpect(status().is3xxRedirection());

        assertThat(fixtures.count("tracking_link", setup.tenant().id())).isEqualTo(before + 1);
    }

    @Test
    void qrCodesAreRealImagesOfTheLink() throws Exception {
        byte[] png = mvc.perform(
                        get("/portal/links/" + setup.link().id() + "/qr.png").with(bluebird))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var image = ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isGreaterThan(200);
        mvc.perform(get("/portal/links/" + setup.link().id() + "/qr.svg").with(bluebird))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("<svg")));
    }

    @Test
    void onePartnerNeverSeesAnotherPartnersLinks() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        PartnerId rival = tracking.partner(setup.tenant(), setup.program(), "Rival " + Fixtures.unique("r"));
        LinkView theirs = tracking.link(setup.tenant(), rival, setup.program(), "https://shop.example/");

        mvc.perform(get("/portal/links/" + theirs.id() + "/qr.png").with(bluebird))
                .andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/portal/links").with(bluebird))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(theirs.slug());
        mvc.perform(post("/app/links/" + theirs.id() + "/disable")
                        .with(bluebird)
                        .with(csrf()))
                .andExpect(status().is4xxClientError());
    }
}
