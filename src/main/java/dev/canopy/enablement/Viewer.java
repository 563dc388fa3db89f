package dev.canopy.enablement;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.util.Set;
import java.util.UUID;

/** A partner company as an audience sees it: who it is, its programmes and tiers, its types and its regions. */
public record Viewer(
        PartnerId partner, Set<UUID> programs, Set<UUID> tiers, Set<PartnerType> types, Set<String> regions) {

    public Viewer {
        programs = Set.copyOf(programs);
        tiers = Set.copyOf(tiers);
        types = Set.copyOf(types);
        regions = Set.copyOf(regions);
    }
}
