package dev.canopy.partners;

import java.util.List;
import java.util.Set;

/** The details of a partner company that its manager (or its own admin) may change. */
public record PartnerProfile(
        String name,
        String website,
        Set<PartnerType> types,
        List<String> regions,
        List<String> verticals,
        String size) {

    public PartnerProfile {
        types = types == null ? Set.of() : Set.copyOf(types);
        regions = regions == null ? List.of() : List.copyOf(regions);
        verticals = verticals == null ? List.of() : List.copyOf(verticals);
    }

    /** Regions or verticals typed as one comma-separated line in a form. */
    public static List<String> splitList(String commaSeparated) {
        return commaSeparated == null
                ? List.of()
                : java.util.Arrays.stream(commaSeparated.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
