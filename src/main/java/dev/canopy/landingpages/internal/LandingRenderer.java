package dev.canopy.landingpages.internal;

import dev.canopy.landingpages.RenderedPage;
import dev.canopy.landingpages.Section;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Puts a partner into a template. Bodies (the vendor's and the partner's text) are Markdown or limited HTML,
 * rendered by CommonMark and cleaned by jsoup's safelist first — no script, no event attributes, no frames, no
 * {@code javascript:} links — and only then are the merge fields put in, as DOM nodes built here: the partner's
 * values are always text, never markup, wherever the vendor placed the field.
 */
@Component
public class LandingRenderer {

    /** The merge fields a template may use, and what each becomes. */
    public static final Map<String, String> FIELDS = Map.of(
            "{{partner.name}}", "The partner's company name",
            "{{partner.logo}}", "The partner's logo (nothing until it uploads one)",
            "{{partner.text}}", "The partner's own text",
            "{{partner.contact}}", "The partner's contact email and phone, as links");

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*partner\\.(name|logo|text|contact)\\s*}}");

    /** The partner's values for the merge fields; {@code logoUrl} null when it has no logo. */
    public record Partner(
            PartnerId id,
            String name,
            @Nullable String logoUrl,
            @Nullable String text,
            @Nullable String contactEmail,
            @Nullable String contactPhone) {}

    public RenderedPage render(
            UUID template, String headline, List<Section> sections, String ctaLabel, Partner partner) {
        String textHtml = partner.text() == null ? "" : RichText.clean(partner.text());
        List<RenderedPage.Block> blocks = new ArrayList<>();
        for (Section s : sections) {
            blocks.add(
                    new RenderedPage.Block(plain(s.heading(), partner, textHtml), html(s.body(), partner, textHtml)));
        }
        return new RenderedPage(
                partner.id(),
                template,
                partner.name(),
                partner.logoUrl(),
                plain(headline, partner, textHtml),
                List.copyOf(blocks),
                plain(ctaLabel, partner, textHtml));
    }

    private String html(String body, Partner partner, String textHtml) {
        Document page = Jsoup.parseBodyFragment(RichText.clean(body));
        for (Element e : page.body().getAllElements()) {
            for (Attribute a : e.attributes()) {
                if (FIELD.matcher(a.getValue()).find()) {
                    a.setValue(plain(a.getValue(), partner, textHtml));
                }
            }
        }
        List<TextNode> texts = new ArrayList<>();
        page.body().traverse((node, depth) -> {
            if (node instanceof TextNode t && FIELD.matcher(t.getWholeText()).find()) {
                texts.add(t);
            }
        });
        texts.forEach(t -> merge(t, partner, textHtml));
        RichText.linksOpenANewTab(page.body());
        return page.body().html();
    }

    /** Replaces a text node holding merge fields by text and the nodes each field makes. */
    private static void merge(TextNode text, Partner partner, String textHtml) {
        String whole = text.getWholeText();
        Matcher m = FIELD.matcher(whole);
        List<Node> nodes = new ArrayList<>();
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                nodes.add(new TextNode(whole.substring(from, m.start())));
            }
            nodes.addAll(field(m.group(1), partner, textHtml));
            from = m.end();
        }
        if (from < whole.length()) {
            nodes.add(new TextNode(whole.substring(from)));
        }
        Node parent = text.parent();
        // A paragraph that is only the partner's text becomes that text's own paragraphs.
        if (parent instanceof Element p
                && p.nameIs("p")
                && p.childNodeSize() == 1
                && whole.strip().matches("\\{\\{\\s*partner\\.text\\s*}}")) {
            nodes.forEach(p::before);
            p.remove();
            return;
        }
        nodes.forEach(text::before);
        text.remove();
    }

    private static List<Node> field(String name, Partner partner, String textHtml) {
        return switch (name) {
            case "name" -> List.of(new TextNode(partner.name()));
            case "logo" ->
                partner.logoUrl() == null
                        ? List.of()
                        : List.of(new Element("img")
                                .attr("src", partner.logoUrl())
                                .attr("alt", partner.name())
                                .addClass("lp-logo"));
            case "text" -> List.copyOf(Jsoup.parseBodyFragment(textHtml).body().childNodes());
            default -> contact(partner);
        };
    }

    private static List<Node> contact(Partner partner) {
        Element span = new Element("span").addClass("lp-contact");
        if (partner.contactEmail() != null) {
            span.appendChild(new Element("a")
                    .attr("href", "mailto:" + partner.contactEmail())
                    .appendChild(new TextNode(partner.contactEmail())));
        }
        if (partner.contactPhone() != null) {
            if (partner.contactEmail() != null) {
                span.appendChild(new TextNode(" · "));
            }
            span.appendChild(new Element("a")
                    .attr("href", "tel:" + partner.contactPhone().replaceAll("[^+0-9]", ""))
                    .appendChild(new TextNode(partner.contactPhone())));
        }
        return List.of(span);
    }

    /** Text with the merge fields as text: the logo is nothing, the partner's text its words without markup. */
    private static String plain(String value, Partner partner, String textHtml) {
        Matcher m = FIELD.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = switch (m.group(1)) {
                case "name" -> partner.name();
                case "logo" -> "";
                case "text" -> Jsoup.parseBodyFragment(textHtml).text();
                default ->
                    String.join(
                            " · ",
                            java.util.stream.Stream.of(partner.contactEmail(), partner.contactPhone())
                                    .filter(java.util.Objects::nonNull)
                                    .toList());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
