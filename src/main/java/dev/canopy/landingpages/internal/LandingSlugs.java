package dev.canopy.landingpages.internal;

import java.text.Normalizer;
import java.util.Locale;

/** A page's part of its public address, from the partner's name: "Bluebird Consulting" is "bluebird-consulting". */
public final class LandingSlugs {

    private LandingSlugs() {}

    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "partner" : slug;
    }
}
