package dev.canopy.landingpages;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff write a template in the console: its problems beside their fields (a section's too), the live preview with
 * the sample partner as they type, publishing; the list shows the partners' pages with their leads. The portal shows
 * the partner its page and, to a partner's admin, the form; an analyst reads but cannot write.
 */
@CanopyTest
class StaffDesignATemplateAndPreviewIt {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Test
    void aTemplateIsWrittenPreviewedAndPublished() throws Exception {
        LandingPagesFixtures f = new LandingPagesFixtures(context);
        LandingPagesFixtures.Live live = f.live("Our words");
        var owner = signedIn(f.tenant.owner());

        Document refused = html(mvc.perform(post("/app/landing-pages")
                        .param("name", "")
                        .param("headline", "H")
                        .param("sections", "## Fine\n\nbody\n\n## " + "h".repeat(201) + "\n\nbody")
                        .param("ctaLabel", "Go")
                        .with(owner)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(refused.select("#name.is-invalid")).hasSize(1);
        assertThat(refused.select("#sections.is-invalid")).hasSize(1);
        assertThat(refused.select("#sections ~ .invalid-feedback").text())
                .isEqualTo("Section 2: Use at most 200 characters");

        String location = mvc.perform(post("/app/landing-pages")
                        .param("name", "Spring campaign")
                        .param("headline", "Spring with {{partner.name}}")
                        .param("sections", "Intro without heading\n\n## Why us\n\n{{partner.text}}")
                        .param("ctaLabel", "Ask {{partner.name}}")
                        .with(owner)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Document editor = html(mvc.perform(get(location).with(owner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(editor.select("[data-testid=template-status]").text()).isEqualTo("Draft");
        assertThat(editor.select("[data-testid=merge-fields] code").eachText())
                .contains("{{partner.name}}", "{{partner.logo}}", "{{partner.text}}", "{{partner.contact}}");
        assertThat(editor.select("#preview [data-testid=landing-headline]").text())
                .isEqualTo("Spring with Bluebird Consulting");
        assertThat(editor.select("#preview [data-testid=landing-section]")).hasSize(2);
        assertThat(editor.selectFirst("#sections").wholeText().strip())
                .isEqualTo("Intro without heading\n\n## Why us\n\n{{partner.text}}");

        Document preview = html(mvc.perform(post("/app/landing-pages/preview")
                        .param("name", "x")
                        .param("headline", "Typed {{partner.name}}")
                        .param("sections", "## Now\n\n**bold** <script>alert(1)</script>")
                        .param("ctaLabel", "Go")
                        .with(owner)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(preview.select("[data-testid=landing-headline]").text()).isEqualTo("Typed Bluebird Consulting");
        assertThat(preview.select("strong").text()).isEqualTo("bold");
        assertThat(preview.select("script")).isEmpty();

        mvc.perform(post(location + "/publish").with(owner).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(html(mvc.perform(get(location).with(owner))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("[data-testid=template-status]")
                        .text())
                .isEqualTo("Published");

        Document list = html(mvc.perform(get("/app/landing-pages").with(owner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(list.select("[data-testid=template-row]")).hasSize(2);
        assertThat(list.select("[data-testid=partner-page-url]").text())
                .endsWith(live.path(f.tenant).substring(3));
        assertThat(list.select("[data-testid=partner-page-leads]").text()).isEqualTo("0");

        var analyst = signedIn(fixtures.member(f.tenant, Role.ANALYST));
        mvc.perform(get(location).with(analyst)).andExpect(status().isOk());
        mvc.perform(post(location + "/unpublish").with(analyst).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/app/landing-pages/" + UUID.randomUUID()).with(owner)).andExpect(status().isNotFound());
    }

    @Test
    void thePortalShowsThePartnerItsPageAndItsAddress() throws Exception {
        LandingPagesFixtures f = new LandingPagesFixtures(context);
        DealFixtures.Member fresh = f.partner();
        Document empty = html(mvc.perform(get("/portal/pages").with(new DealFixtures(context).portal(fresh)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(empty.select("[data-testid=page-offline]")).hasSize(1);
        assertThat(empty.select("[data-testid=page-template] option").eachAttr("value"))
                .containsExactly("", f.template.id().toString());

        LandingPagesFixtures.Live live = f.live("Words");
        Document page = html(mvc.perform(get("/portal/pages").with(new DealFixtures(context).portal(live.member())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("[data-testid=page-live]")).hasSize(1);
        assertThat(page.select("[data-testid=page-url]").val()).endsWith(live.path(f.tenant));
        assertThat(page.select("[data-testid=page-qr] svg")).hasSize(1);
        assertThat(page.select("[data-testid=page-text]").text()).isEqualTo("Words");
    }

    private static Document html(String body) {
        return Jsoup.parse(body);
    }
}
