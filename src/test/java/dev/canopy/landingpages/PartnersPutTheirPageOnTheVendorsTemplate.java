package dev.canopy.landingpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The vendor publishes a template; a partner's admin turns its page on with its text, contact and logo; the public
 * page shows the template with the partner in, its logo redrawn to fit 320 × 120, and its form's lead goes to that
 * partner. Bad input is refused on its field and stores nothing; a page off or on a withdrawn template is not found.
 */
@CanopyTest
@RecordApplicationEvents
class PartnersPutTheirPageOnTheVendorsTemplate {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    LandingPageTemplates templates;

    @Autowired
    LandingPages pages;

    @Autowired
    ApplicationEvents events;

    private LandingPagesFixtures f;

    @BeforeEach
    void aPublishedTemplate() {
        f = new LandingPagesFixtures(context);
    }

    @Test
    void thePublicPageShowsTheTemplateWithThePartnerIn() throws Exception {
        LandingPagesFixtures.Live live = f.live("We moved **120 hospitals** to the cloud.");
        String name = live.page().partnerName();
        assertThat(live.page().live()).isTrue();
        assertThat(events.stream(LandingPageTemplatePublished.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.template()).isEqualTo(f.template.id());
                    assertThat(e.published()).isTrue();
                });
        assertThat(events.stream(LandingPageEnabled.class)).singleElement().satisfies(e -> {
            assertThat(e.partner()).isEqualTo(live.member().id());
            assertThat(e.enabled()).isTrue();
            assertThat(e.slug()).isEqualTo(live.page().slug());
        });

        Document page = Jsoup.parse(mvc.perform(get(live.path(f.tenant)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select("[data-testid=landing-headline]").text()).isEqualTo(name + " and Northwind, together");
        assertThat(page.select("[data-testid=landing-section] h2").eachText())
                .containsExactly("Who we are", "Talk to " + name);
        assertThat(page.select("[data-testid=landing-section] strong").text()).isEqualTo("120 hospitals");
        assertThat(page.select(".lp-contact a").eachAttr("href"))
                .containsExactly("mailto:hello@partner.example", "tel:+442079460000");
        assertThat(page.select("[data-testid=lead-send]").text()).isEqualTo("Talk to " + name);
        assertThat(page.select("img.lp-logo")).as("no logo yet").isEmpty();
    }

    @Test
    void theLogoIsRedrawnToFitTheBoxKeepingItsProportions() throws Exception {
        LandingPagesFixtures.Live live = f.live(null);
        mvc.perform(multipart("/portal/pages/logo")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", png(1000, 300)))
                        .with(new DealFixtures(context).portal(live.member()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        byte[] served = mvc.perform(get(live.path(f.tenant) + "/logo"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        BufferedImage logo = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(logo.getWidth()).isEqualTo(320);
        assertThat(logo.getHeight()).isEqualTo(96);
        assertThat(new Color(logo.getRGB(10, 48))).isEqualTo(Color.ORANGE);
        Document page = Jsoup.parse(
                mvc.perform(get(live.path(f.tenant))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("img.lp-logo").attr("src")).isEqualTo(live.path(f.tenant) + "/logo");

        // A small logo stays as it is: never enlarged.
        byte[] smallPng = png(100, 40);
        f.asPartner(live.member(), () -> pages.uploadLogo(smallPng));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(mvc.perform(get(live.path(f.tenant) + "/logo"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray()));
        assertThat(small.getWidth()).isEqualTo(100);
        assertThat(small.getHeight()).isEqualTo(40);
    }

    @Test
    void aLogoThatIsNotAnImageIsRefusedWhateverItsName() throws Exception {
        LandingPagesFixtures.Live live = f.live(null);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        String answer = mvc.perform(multipart("/portal/pages/logo")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", html))
                        .with(new DealFixtures(context).portal(live.member()))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(answer).select("[data-testid=logo-problem]").text())
                .isEqualTo("Use a PNG, JPEG or WebP image");
        // PNG's signature followed by anything else is still not an image.
        byte[] fake = new byte[64];
        System.arraycopy(png(2, 2), 0, fake, 0, 16);
        assertThatThrownBy(() -> f.asPartner(live.member(), () -> pages.uploadLogo(fake)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().field()).isEqualTo("logo"));
        assertThatThrownBy(() -> f.asPartner(live.member(), () -> pages.uploadLogo(new byte[3 * 1024 * 1024])))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().message()).contains("2 MB"));
        assertThat(db.sql("select count(*) from landingpages_page where workspace_id = ? and logo is not null")
                        .param(f.tenant.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
        mvc.perform(get(live.path(f.tenant) + "/logo")).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedOnItsFieldAndStoresNothing() {
        long before = count("landingpages_template");
        assertRefused(
                () -> templates.create(new TemplateInput(" ", null, List.of(new Section("A\u0000B", "x")), "Go")),
                "name",
                "headline",
                "sections[0].heading");
        assertRefused(
                () -> templates.create(new TemplateInput("N", "H", List.of(new Section("", " ")), "x".repeat(61))),
                "sections[0]",
                "ctaLabel");
        assertRefused(
                () -> templates.update(
                        f.template.id(), new TemplateInput("N", "H", List.of(new Section("", "b\u0000")), "Go")),
                "sections[0].body");
        assertThat(count("landingpages_template")).isEqualTo(before);
        assertThat(f.staff(() -> templates.get(f.template.id())).name()).isEqualTo(f.template.name());

        TemplateView draft = f.staff(() -> templates.create(new TemplateInput("Draft", "H", List.of(), "Go")));
        DealFixtures.Member member = f.partner();
        assertThatThrownBy(() -> f.asPartner(
                        member, () -> pages.saveMine(new PageInput(draft.id().toString(), true, null, null, null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("templateId"));
        assertThatThrownBy(() -> f.asPartner(
                        member,
                        () -> pages.saveMine(
                                new PageInput("not-a-template", true, "Hi\u0000", "not-an-email", "call me maybe"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactlyInAnyOrder("templateId", "text", "contactEmail", "contactPhone"));
        assertThat(count("landingpages_page")).isZero();
    }

    @Test
    void aPageOffOrOnAWithdrawnTemplateIsNotFound() throws Exception {
        LandingPagesFixtures.Live live = f.live("Hello");
        mvc.perform(get(live.path(f.tenant))).andExpect(status().isOk());

        f.staff(() -> templates.publish(f.template.id(), false));
        mvc.perform(get(live.path(f.tenant))).andExpect(status().isNotFound());
        assertThat(f.staff(() -> pages.page(live.member().id())).live()).isFalse();
        f.staff(() -> templates.publish(f.template.id(), true));
        mvc.perform(get(live.path(f.tenant))).andExpect(status().isOk());

        f.asPartner(
                live.member(),
                () -> pages.saveMine(new PageInput(f.template.id().toString(), false, "Hello", null, null)));
        mvc.perform(get(live.path(f.tenant))).andExpect(status().isNotFound());
        mvc.perform(post(live.path(f.tenant) + "/leads")
                        .param("token", UUID.randomUUID().toString())
                        .param("name", "Ann")
                        .param("email", "ann@initech.example")
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(events.stream(LandingPageEnabled.class).map(LandingPageEnabled::enabled))
                .containsExactly(true, false);
    }

    @Test
    void theFormsLeadGoesToThePartnerOnceAndIsCounted() throws Exception {
        LandingPagesFixtures.Live live = f.live("Hello");
        String token = UUID.randomUUID().toString();
        String email = Fixtures.uniqueEmail("visitor");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(live.path(f.tenant) + "/leads")
                            .param("token", token)
                            .param("name", "Ann Visitor")
                            .param("email", email)
                            .param("company", "Initech")
                            .param("message", "We need help.")
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(db.sql("select partner_id from tracking_customer where workspace_id = ? and email = ?")
                        .params(f.tenant.id().value(), email)
                        .query(UUID.class)
                        .single())
                .isEqualTo(live.member().id().value());
        assertThat(f.staff(() -> pages.page(live.member().id())).leads()).isEqualTo(1);
        assertThat(events.stream(LandingPageLeadReceived.class)).singleElement().satisfies(e -> {
            assertThat(e.partner()).isEqualTo(live.member().id());
            assertThat(e.clickId()).isNull();
        });

        // A bot filling the honeypot, and a name that would run as a spreadsheet formula, leave nothing.
        mvc.perform(post(live.path(f.tenant) + "/leads")
                        .param("token", UUID.randomUUID().toString())
                        .param("name", "Bot")
                        .param("email", "bot@spam.example")
                        .param("homepage", "x")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(live.path(f.tenant) + "/leads")
                        .param("token", UUID.randomUUID().toString())
                        .param("name", "=HYPERLINK(\"http://evil.example\")")
                        .param("email", "eve@evil.example")
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(count("landingpages_lead")).isEqualTo(1);
    }

    private long count(String table) {
        return db.sql("select count(*) from " + table + " where workspace_id = ?")
                .param(f.tenant.id().value())
                .query(Long.class)
                .single();
    }

    private void assertRefused(Runnable action, String... fields) {
        assertThatThrownBy(() -> f.staff(() -> {
                    action.run();
                    return null;
                }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactlyInAnyOrder(fields));
    }

    static byte[] png(int width, int height) {
        return LandingPagesFixtures.png(width, height);
    }
}
