package dev.canopy.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code, upper-cased: "in" is IN; "India" and unassigned codes like XX are refused. */
public record CountryCode(String value) {

    private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

    public CountryCode {
        value = normalize(value);
        if (!ASSIGNED.contains(value)) {
            throw new InvalidInputException(
                    "country",
                    value.matches("[A-Z]{2}")
                            ? value + " is not an ISO 3166-1 country code"
                            : "Use a two-letter ISO 3166-1 country code, like IN or US");
        }
    }

    /** The code if {@code raw} is one, empty otherwise. */
    public static Optional<CountryCode> parse(String raw) {
        String normalized = normalize(raw);
        return ASSIGNED.contains(normalized) ? Optional.of(new CountryCode(normalized)) : Optional.empty();
    }

    private static String normalize(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
