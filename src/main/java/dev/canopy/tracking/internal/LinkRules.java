package dev.canopy.tracking.internal;

import dev.canopy.shared.InvalidInputException;
import java.text.Normalizer;
import java.util.Locale;

/** What a link's slug and UTM parameters may be, and how refs and slugs are made from names. */
public final class LinkRules {

    private static final String SLUG = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?";

    private LinkRules() {}

    public static String checkSlug(String raw) {
        String slug = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (slug.length() < 2 || !slug.matches(SLUG)) {
            throw new InvalidInputException(
                    "slug", "Use 2 to 64 lower-case letters, digits and hyphens, not starting or ending with a hyphen");
        }
        return slug;
    }

    /** A UTM value trimmed, or null when blank; at most 200 characters. */
    public static String checkUtm(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > 200) {
            throw new InvalidInputException(field, "Use at most 200 characters");
        }
        return value;
    }

    /** "Bluebird Consulting GmbH" → "bluebird-consulting-gmbh", cut to {@code max} characters. */
    public static String slugOf(String name, int max) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > max) {
            ascii = ascii.substring(0, max).replaceAll("-+$", "");
        }
        return ascii.length() < 2 ? "partner" : ascii;
    }
}
