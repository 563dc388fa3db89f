package dev.canopy.identity.internal;

import dev.canopy.shared.InvalidInputException;
import java.util.Locale;

/**
 * Length over composition rules (NIST SP 800-63B): at least 10 characters, at most 128, and not the
 * person's own email address.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    public static void check(String field, String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidInputException(field, "Use at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "Use at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new InvalidInputException(field, "A password cannot be only spaces");
        }
        if (email != null && password.toLowerCase(Locale.ROOT).contains(email.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(field, "Do not use your email address in your password");
        }
    }
}
