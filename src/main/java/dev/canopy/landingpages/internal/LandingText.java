package dev.canopy.landingpages.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The checks every piece of text typed into a landing page goes through: stripped, bounded, no control characters. */
final class LandingText {

    private LandingText() {}

    /** The stripped value (null when blank and not required), or a problem recorded on {@code field}. */
    static @Nullable String check(
            String field, @Nullable String raw, int max, boolean required, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.put(field, "Required");
            }
            return null;
        }
        String value = raw.strip();
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.put(field, "Remove the control characters");
            return null;
        }
        if (value.length() > max) {
            problems.put(field, "Use at most " + max + " characters");
            return null;
        }
        return value;
    }
}
