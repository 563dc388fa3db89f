package dev.canopy.partners;

import java.util.List;
import java.util.Set;

/**
 * A partner company to add, with its first contact, who becomes its first partner user (a partner
 * admin) and is invited by email.
 */
public record NewPartner(
        String name,
        String website,
        Set<PartnerType> types,
        List<String> regions,
        List<String> verticals,
        String size,
        String contactName,
        String contactEmail) {

    public NewPartner {
        types = types == null ? Set.of() : Set.copyOf(types);
        regions = regions == null ? List.of() : List.copyOf(regions);
        verticals = verticals == null ? List.of() : List.copyOf(verticals);
    }
}
