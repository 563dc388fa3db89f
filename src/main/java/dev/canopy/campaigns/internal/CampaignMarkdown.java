package dev.canopy.campaigns.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * A campaign's body: Markdown rendered by CommonMark, then cleaned by jsoup's safelist as enablement's rich text is
 * (ADR 26), so nothing a writer (or an API key) types runs script in a mail client or in the console's preview.
 */
@Component
public class CampaignMarkdown {

    private static final Safelist ALLOWED = Safelist.relaxed().removeTags("img").preserveRelativeLinks(false);

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().sanitizeUrls(true).build();

    public String html(String markdown) {
        String clean = Jsoup.clean(renderer.render(parser.parse(markdown)), ALLOWED);
        org.jsoup.nodes.Document page = Jsoup.parseBodyFragment(clean);
        page.select("a[href]").attr("rel", "noopener noreferrer");
        return page.body().html();
    }
}
