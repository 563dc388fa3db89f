package dev.canopy.partners.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerType;
import dev.canopy.shared.InvalidInputException;
import java.util.List;
import java.util.Set;

/** The rules for a partner's company fields, shared by the forms, the API and CSV imports. */
public final class PartnerRows {

    public static final List<String> SIZES = List.of("1-10", "11-50", "51-200", "201-1000", "1000+");

    private PartnerRows() {}

    /** The row to store, with every field at fault reported at once. */
    public static PartnerTable.Row validate(
            PartnerId id,
            String name,
            String website,
            Set<PartnerType> types,
            List<String> regions,
            List<String> verticals,
            String size,
            PartnerStatus status) {
        String[] normalizedWebsite = new String[1];
        InvalidInputException.collect(
                () -> requireText("name", name, 200),
                () -> normalizedWebsite[0] = Websites.normalize("website", website),
                () -> {
                    if (size != null && !size.isBlank() && !SIZES.contains(size.strip())) {
                        throw new InvalidInputException("size", "Choose one of " + String.join(", ", SIZES));
                    }
                },
                () -> checkTags("regions", regions),
                () -> checkTags("verticals", verticals));
        return new PartnerTable.Row(
                id,
                name.strip(),
                normalizedWebsite[0],
                types,
                clean(regions),
                clean(verticals),
                size == null || size.isBlank() ? null : size.strip(),
                status,
                null);
    }

    private static void checkTags(String field, List<String> tags) {
        if (tags.size() > 30
                || tags.stream().anyMatch(t -> t != null && t.strip().length() > 60)) {
            throw new InvalidInputException(field, "Use at most 30 entries of at most 60 characters");
        }
    }

    private static List<String> clean(List<String> tags) {
        return tags.stream()
                .filter(t -> t != null && !t.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
    }

    public static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Required");
        }
        optionalText(field, value, max);
    }

    public static void optionalText(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidInputException(field, "Use at most " + max + " characters");
        }
    }
}
