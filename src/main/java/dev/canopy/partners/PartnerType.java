package dev.canopy.partners;

import dev.canopy.shared.InvalidInputException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** How a partner company works with the vendor; a company may be several of these. */
public enum PartnerType {
    RESELLER("Reseller"),
    VALUE_ADDED_RESELLER("Value-added reseller"),
    SYSTEM_INTEGRATOR("System integrator"),
    TECHNOLOGY("Technology / integration partner"),
    ISV("ISV"),
    REFERRAL("Referral partner"),
    AFFILIATE("Affiliate"),
    OEM("OEM"),
    MSP("Managed service provider"),
    MARKETPLACE("Marketplace"),
    AGENCY("Agency / community");

    private final String label;

    PartnerType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The types named, each checked; bad names are reported against {@code field}. */
    public static Set<PartnerType> parseAll(String field, Collection<String> names) {
        Set<PartnerType> types = EnumSet.noneOf(PartnerType.class);
        if (names != null) {
            for (String name : names) {
                if (name == null || name.isBlank()) {
                    continue;
                }
                try {
                    types.add(valueOf(name.strip()
                            .toUpperCase(java.util.Locale.ROOT)
                            .replace(' ', '_')
                            .replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(field, "Unknown partner type '" + name + "'");
                }
            }
        }
        return types;
    }
}
