package dev.canopy.platform;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * What staff, partners or an API key write as Markdown (or the limited HTML Markdown lets through), as HTML that
 * cannot run script: CommonMark renders it, jsoup's safelist then removes every tag and attribute outside the
 * list, {@code javascript:} links and event attributes included (ADR 26). Images are left out: nobody uploads
 * them here, and a remote image in a partner's browser or a mail client would track its reader.
 */
public final class RichText {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("a", "rel", "target")
            .preserveRelativeLinks(false);

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().sanitizeUrls(true).build();

    private RichText() {}

    /** Cleaned HTML, its links as written. */
    public static String clean(String markdown) {
        return Jsoup.clean(RENDERER.render(PARSER.parse(markdown)), ALLOWED);
    }

    /** For a page in the browser: links open a new tab, without handing it the opener or a referrer. */
    public static String forPage(String markdown) {
        Document page = Jsoup.parseBodyFragment(clean(markdown));
        linksOpenANewTab(page.body());
        return page.body().html();
    }

    /** For an e-mail: links open where the mail client opens them, without a referrer. */
    public static String forMail(String markdown) {
        Document page = Jsoup.parseBodyFragment(clean(markdown));
        page.select("a[href]").attr("rel", "noopener noreferrer");
        return page.body().html();
    }

    /** Every link under {@code root} opens a new tab, without the opener, a referrer or the page's endorsement. */
    public static void linksOpenANewTab(Element root) {
        root.select("a[href]").attr("rel", "noopener noreferrer nofollow").attr("target", "_blank");
    }
}
