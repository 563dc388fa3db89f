package dev.canopy.enablement.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Rich-text assets: Markdown rendered by CommonMark, then cleaned by jsoup's safelist, so that what a vendor (or
 * an API key) writes can never run script in a partner's browser: no raw HTML tags outside the list, no
 * {@code javascript:} links, no event attributes. Links open in a new tab without handing over the opener.
 */
@Component
public class Markdown {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("a", "rel", "target")
            .preserveRelativeLinks(false);

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().sanitizeUrls(true).build();

    public String html(String markdown) {
        String rendered = renderer.render(parser.parse(markdown));
        String clean = Jsoup.clean(rendered, ALLOWED);
        org.jsoup.nodes.Document page = Jsoup.parseBodyFragment(clean);
        page.select("a[href]").attr("rel", "noopener noreferrer nofollow").attr("target", "_blank");
        return page.body().html();
    }
}
