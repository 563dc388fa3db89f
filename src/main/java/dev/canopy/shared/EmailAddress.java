package dev.canopy.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased so that one person is one address. */
public record EmailAddress(String value) {

    // Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is proven by the mail.
    private static final Pattern SHAPE =
            Pattern.compile("^[^@\\s]{1,64}@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$");

    public EmailAddress {
        value = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!isValid(value)) {
            throw new InvalidInputException("email", "Enter a valid email address, like name@company.com");
        }
    }

    /** The address if {@code raw} is one, empty otherwise. */
    public static Optional<EmailAddress> parse(String raw) {
        String normalized = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return isValid(normalized) ? Optional.of(new EmailAddress(normalized)) : Optional.empty();
    }

    private static boolean isValid(String normalized) {
        return normalized.length() <= 254 && SHAPE.matcher(normalized).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
