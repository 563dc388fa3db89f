package dev.canopy.identity.internal;

import dev.canopy.shared.InvalidInputException;
import java.util.Locale;
import java.util.Optional;

/** What a brand may be: a colour white text reads on, a logo that is what its bytes say. */
public final class BrandRules {

    /** WCAG 2.2 AA for normal text: white button labels on the brand colour. */
    static final double LEAST_CONTRAST = 4.5;

    public static final int MAX_LOGO_BYTES = 512 * 1024;

    private BrandRules() {}

    /** "#1F7A4D" or "1f7a4d" as "#1f7a4d"; refused when white text on it falls short of AA contrast. */
    public static String color(String raw) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!value.startsWith("#")) {
            value = "#" + value;
        }
        if (!value.matches("#[0-9a-f]{6}")) {
            throw new InvalidInputException("color", "Enter a colour as six hexadecimal digits, like #1f7a4d");
        }
        double contrast = contrastWithWhite(value);
        if (contrast < LEAST_CONTRAST) {
            throw new InvalidInputException(
                    "color",
                    String.format(
                            Locale.ROOT,
                            "White text on this colour has a contrast of %.1f:1; choose a darker one (4.5:1 at"
                                    + " least)",
                            contrast));
        }
        return value;
    }

    /** (L_white + 0.05) / (L + 0.05), with WCAG's relative luminance L. */
    static double contrastWithWhite(String color) {
        int rgb = Integer.parseInt(color.substring(1), 16);
        double luminance =
                0.2126 * channel(rgb >> 16 & 255) + 0.7152 * channel(rgb >> 8 & 255) + 0.0722 * channel(rgb & 255);
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The portal's name, or none (the default) when blank. */
    public static Optional<String> portalName(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = raw.strip();
        if (name.length() > 60 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("portalName", "Enter a name of at most 60 characters, on one line");
        }
        return Optional.of(name);
    }

    /** The logo's content type, read from its first bytes (never from the upload's own claim). */
    public static String logoType(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("logo", "Choose an image file");
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new InvalidInputException("logo", "The logo may be 512 KB at most");
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "image/png";
        }
        if (startsWith(bytes, 0xff, 0xd8, 0xff)) {
            return "image/jpeg";
        }
        throw new InvalidInputException("logo", "Upload the logo as a PNG or JPEG image");
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
