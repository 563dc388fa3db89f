package dev.canopy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.landingpages.SanitizedHtmlCannotRunScript;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The one cleaner behind text assets, lessons, announcements, landing pages and campaign mails: whatever the
 * Markdown holds, no script element, frame, object, form, image or event attribute is left and no link or style runs
 * {@code javascript:}; a page's links open a new tab without the opener, a mail's keep their tab.
 */
class RichTextCannotRunScript {

    @Test
    void aPageKeepsTheWordsAndTheFineLinkOnly() {
        Element body = Jsoup.parseBodyFragment(RichText.forPage(SanitizedHtmlCannotRunScript.HOSTILE))
                .body();
        assertHarmless(body);
        assertThat(body.text()).contains("Click me", "a fine link");
        Element fine = body.selectFirst("a[href=https://partner.example/]");
        assertThat(fine).isNotNull();
        assertThat(fine.attr("target")).isEqualTo("_blank");
        assertThat(fine.attr("rel")).isEqualTo("noopener noreferrer nofollow");
    }

    @Test
    void aMailIsCleanedAlikeAndItsLinksKeepTheirTab() {
        Element body = Jsoup.parseBodyFragment(RichText.forMail(SanitizedHtmlCannotRunScript.HOSTILE))
                .body();
        assertHarmless(body);
        Element fine = body.selectFirst("a[href=https://partner.example/]");
        assertThat(fine).isNotNull();
        assertThat(fine.hasAttr("target")).isFalse();
        assertThat(fine.attr("rel")).isEqualTo("noopener noreferrer");
    }

    @Test
    void markdownStaysMarkdown() {
        assertThat(RichText.forMail("**Bold** and [docs](https://docs.example/)"))
                .isEqualTo(
                        "<p><strong>Bold</strong> and <a rel=\"noopener noreferrer\" href=\"https://docs.example/\">docs</a></p>");
    }

    private static void assertHarmless(Element body) {
        assertThat(body.select("script, iframe, object, embed, form, input, img, svg"))
                .isEmpty();
        for (Element e : body.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).doesNotStartWith("on");
                assertThat(a.getValue().toLowerCase(Locale.ROOT)).doesNotContain("javascript:");
            }
        }
    }
}
