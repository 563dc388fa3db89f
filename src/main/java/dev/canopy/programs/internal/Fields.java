package dev.canopy.programs.internal;

import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of single input fields, each naming the field at fault in the words a form shows. */
public final class Fields {

    private static final Pattern HOST =
            Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");

    private Fields() {}

    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Required");
        }
        return limited(field, value, maxLength);
    }

    /** Null when blank. */
    public static String optional(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : limited(field, value, maxLength);
    }

    /** A whole number in a range; {@code fallback} when blank. */
    public static int wholeNumber(String field, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return wholeNumber(field, value, min, max);
    }

    public static int wholeNumber(String field, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value == null ? "" : value.strip());
            if (number < min || number > max) {
                throw new InvalidInputException(field, "Use a number from " + min + " to " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Enter a whole number");
        }
    }

    /** A whole number or nothing (blank). */
    public static Integer optionalWholeNumber(String field, String value, int min, int max) {
        return value == null || value.isBlank() ? null : wholeNumber(field, value, min, max);
    }

    /** A decimal with at most {@code scale} decimal places. */
    public static BigDecimal decimal(String field, String value, int scale) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Required");
        }
        BigDecimal number = Money.parseAmount(value.strip().replace(",", ""), field);
        if (number.stripTrailingZeros().scale() > scale) {
            throw new InvalidInputException(
                    field, scale == 0 ? "Enter a whole number" : "Use at most " + scale + " decimal places");
        }
        if (number.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
            throw new InvalidInputException(field, "That number is too large");
        }
        return number;
    }

    /** A web address; "acme.com" is read as https://acme.com. */
    public static URI website(String field, String value) {
        String raw = required(field, value, 200);
        String withScheme = raw.matches("(?i)^https?://.*") ? raw : "https://" + raw;
        try {
            URI uri = new URI(withScheme);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (!HOST.matcher(host).matches()) {
                throw new InvalidInputException(field, "Enter a web address such as https://example.com");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "Enter a web address such as https://example.com");
        }
    }

    /** The site's domain without "www.", lower-case: the same company however its address is typed. */
    public static String domain(URI website) {
        String host = website.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String limited(String field, String value, int maxLength) {
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidInputException(field, "Use at most " + maxLength + " characters");
        }
        return stripped;
    }
}
