package dev.canopy.landingpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.testing.CanopyTest;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Whatever the vendor's template and the partner's words hold — scripts, event handlers, {@code javascript:} links,
 * frames, SVG with script — the public page has none of it: only Canopy's own scripts, no event attribute, no
 * frame, and the partner's name (even one written as HTML) shown as text.
 */
@CanopyTest
public class SanitizedHtmlCannotRunScript {

    /** Ways to run script that a body in Markdown or "limited HTML" might try. */
    public static final String HOSTILE = """
            <script>alert('script')</script>

            <img src=x onerror="alert('img')">

            [a link](javascript:alert('markdown-link')) and <a href="JaVaScRiPt:alert('html-link')">another</a>

            <iframe src="https://evil.example/frame"></iframe>

            <svg onload="alert('svg')"><script>alert('svg-script')</script></svg>

            <p onclick="alert('click')" style="background:url(javascript:alert('css'))">Click me</p>

            <object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y.swf">

            <form action="https://evil.example/steal"><input name="card"></form>

            <a href="https://partner.example/">a fine link</a>
            """;

    static final String HOSTILE_NAME = "<img src=x onerror=alert('name')>";

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    LandingPageTemplates templates;

    @Test
    void thePublicPageCarriesNoScriptFromTheTemplateNorThePartner() throws Exception {
        LandingPagesFixtures f = new LandingPagesFixtures(context);
        f.staff(() -> templates.update(
                f.template.id(),
                new TemplateInput(
                        "Hostile",
                        "<script>alert('headline')</script> {{partner.name}}",
                        List.of(
                                new Section("<b onmouseover=alert('heading')>Hi</b>", HOSTILE),
                                new Section("Partner", "{{partner.name}} {{partner.logo}}\n\n{{partner.text}}")),
                        "Go <script>alert('cta')</script>")));
        LandingPagesFixtures.Live live = f.live(HOSTILE);
        db.sql("update partners_partner set name = ? where id = ?")
                .params(HOSTILE_NAME, live.member().id().value())
                .update();

        String html = mvc.perform(get(live.path(f.tenant)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);

        assertCannotRunScript(page);
        Element main = page.selectFirst("main");
        assertThat(main.select("script, iframe, frame, svg, object, embed, form[action*=evil], style"))
                .isEmpty();
        assertThat(main.select("[data-testid=landing-headline]").text())
                .isEqualTo("<script>alert('headline')</script> " + HOSTILE_NAME);
        assertThat(main.select("[data-testid=landing-section] p").text()).contains(HOSTILE_NAME);
        assertThat(main.select("a[href=https://partner.example/]")).hasSize(2);
        assertThat(main.select("a[href=https://partner.example/]").first().attr("rel"))
                .contains("noopener");
        // Shown as text, the hostile words are escaped in the HTML: never a tag.
        assertThat(html)
                .doesNotContain("<img src=x")
                .doesNotContain("<script>alert")
                .doesNotContain("<svg");
    }

    /** No element anywhere with an event attribute or a javascript: address; only Canopy's own scripts. */
    static void assertCannotRunScript(Document page) {
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey().toLowerCase(Locale.ROOT))
                        .as("attribute on <%s>", e.tagName())
                        .doesNotStartWith("on");
                assertThat(a.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", ""))
                        .as("%s on <%s>", a.getKey(), e.tagName())
                        .doesNotContain("javascript:");
            }
        }
        for (Element script : page.select("script")) {
            assertThat(script.attr("src")).as("a script of Canopy's own").startsWith("/");
            assertThat(script.data()).as("inline script").isBlank();
        }
    }
}
