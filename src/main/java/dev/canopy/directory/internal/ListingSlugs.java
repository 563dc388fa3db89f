package dev.canopy.directory.internal;

import java.text.Normalizer;
import java.util.Locale;

/** A partner's part of its profile's address, made from its name: "Bluebird Consulting" → "bluebird-consulting". */
public final class ListingSlugs {

    private static final int MAX = 48;

    private ListingSlugs() {}

    public static String of(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        String slug = plain.length() > MAX ? plain.substring(0, MAX).replaceAll("-+$", "") : plain;
        return slug.isEmpty() ? "partner" : slug;
    }
}
