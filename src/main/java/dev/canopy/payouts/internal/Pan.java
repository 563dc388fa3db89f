package dev.canopy.payouts.internal;

import dev.canopy.shared.InvalidInputException;
import java.util.Locale;

/**
 * An Indian Permanent Account Number: 5 letters, 4 digits and a letter, like {@code AAPFU0939F}. The 4th letter
 * is the holder's type (P person, C company, H Hindu undivided family, F firm, A association of persons,
 * T trust, B body of individuals, L local authority, J artificial juridical person, G government); TDS rates
 * depend on it.
 */
public record Pan(String value) {

    private static final String HOLDER_TYPES = "PCHFATBLJG";

    public Pan {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidInputException("pan", problem);
        }
    }

    /** The PAN in {@code raw} (spaces and case forgiven), or an error naming {@code field}. */
    public static Pan parse(String raw, String field) {
        String normalized = normalize(raw);
        String problem = problemWith(normalized);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
        return new Pan(normalized);
    }

    public char holderType() {
        return value.charAt(3);
    }

    static String normalize(String raw) {
        return raw == null ? "" : raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** What is wrong with a normalized PAN, or null when nothing is. */
    static String problemWith(String pan) {
        if (pan == null || pan.isEmpty()) {
            return "Enter the PAN";
        }
        if (pan.length() != 10) {
            return "A PAN has 10 characters, like AAPFU0939F; this has " + pan.length();
        }
        if (!pan.matches("[A-Z]{5}[0-9]{4}[A-Z]")) {
            return "A PAN is 5 letters, 4 digits and a letter, like AAPFU0939F";
        }
        if (HOLDER_TYPES.indexOf(pan.charAt(3)) < 0) {
            return "The 4th character of a PAN is the holder's type: P, C, H, F, A, T, B, L, J or G, not "
                    + pan.charAt(3);
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
