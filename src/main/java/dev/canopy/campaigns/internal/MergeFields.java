package dev.canopy.campaigns.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{field}}} placeholders a campaign's subject and body may use, and their filling. Values go into the
 * Markdown source escaped (every ASCII punctuation mark backslash-escaped, which CommonMark reads back as itself),
 * so a partner named {@code *Acme* <b>} reads as written and never as markup.
 */
public final class MergeFields {

    public static final String PARTNER_NAME = "partner.name";
    public static final String USER_NAME = "user.name";
    public static final String PROGRAMME_NAME = "programme.name";
    public static final String TIER_NAME = "tier.name";
    public static final String UNSUBSCRIBE_URL = "unsubscribe_url";

    public static final List<String> KNOWN =
            List.of(PARTNER_NAME, USER_NAME, PROGRAMME_NAME, TIER_NAME, UNSUBSCRIBE_URL);

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private MergeFields() {}

    /** The fields {@code text} names that are not {@link #KNOWN}, in their order. */
    public static Set<String> unknown(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** {@code text} with each field replaced by its value as is (a subject, the plain-text part). */
    public static String plain(String text, Map<String, String> values) {
        return fill(text, values, false);
    }

    /** {@code markdown} with each field replaced by its value escaped for Markdown. */
    public static String markdown(String markdown, Map<String, String> values) {
        return fill(markdown, values, true);
    }

    private static String fill(String text, Map<String, String> values, boolean escape) {
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(escape ? escaped(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escaped(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c)) {
                out.append('\\');
            }
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return out.toString();
    }
}
