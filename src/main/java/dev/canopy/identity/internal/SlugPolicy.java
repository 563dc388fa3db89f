package dev.canopy.identity.internal;

import dev.canopy.shared.InvalidInputException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A workspace slug: 3 to 40 lower-case letters, digits and single hyphens; some words are reserved. */
public final class SlugPolicy {

    private static final Pattern SHAPE = Pattern.compile("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,39}$");

    // Words that are, or may become, paths or host names of Canopy itself.
    private static final Set<String> RESERVED = Set.of(
            "api",
            "app",
            "admin",
            "portal",
            "login",
            "logout",
            "signup",
            "www",
            "static",
            "assets",
            "webjars",
            "canopy",
            "support",
            "help",
            "status",
            "docs",
            "mail",
            "settings",
            "public",
            "marketplace",
            "network");

    private SlugPolicy() {}

    public static String check(String field, String raw) {
        String slug = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(slug).matches()) {
            throw new InvalidInputException(
                    field,
                    "Use 3 to 40 lower-case letters, digits and single hyphens, starting with a letter or digit");
        }
        if (RESERVED.contains(slug)) {
            throw new InvalidInputException(field, "'" + slug + "' is reserved, choose another");
        }
        return slug;
    }
}
