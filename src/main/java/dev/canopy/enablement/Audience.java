package dev.canopy.enablement;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;

/**
 * Which partners may see an asset. Criteria over programme, tier, partner type and region, combined by
 * {@link Match#ALL} (every criterion given must hold) or {@link Match#ANY} (one is enough); named partners
 * are admitted whatever the criteria say. No criteria and no named partners: every partner of the workspace.
 * Named partners only: those partners and no one else. A criterion holds when the partner has one of its values.
 * {@code AssetTable} asks the same question in SQL; a property test holds the two equal.
 */
public record Audience(
        Match match,
        Set<UUID> programs,
        Set<UUID> tiers,
        Set<PartnerType> types,
        Set<String> regions,
        Set<PartnerId> partners) {

    /** How the criteria combine. */
    public enum Match {
        ALL("All of these"),
        ANY("Any of these");

        private final String label;

        Match(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final Audience EVERYONE = new Audience(Match.ALL, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public Audience {
        programs = Set.copyOf(programs);
        tiers = Set.copyOf(tiers);
        types = Set.copyOf(types);
        regions = Set.copyOf(regions);
        partners = Set.copyOf(partners);
    }

    /** Whether {@code viewer} may see what this audience guards. */
    public boolean admits(Viewer viewer) {
        if (partners.contains(viewer.partner())) {
            return true;
        }
        if (!hasCriteria()) {
            return partners.isEmpty();
        }
        boolean[] held = {
            holds(programs, viewer.programs()),
            holds(tiers, viewer.tiers()),
            holds(types, viewer.types()),
            holds(regions, viewer.regions())
        };
        boolean[] given = {!programs.isEmpty(), !tiers.isEmpty(), !types.isEmpty(), !regions.isEmpty()};
        boolean all = true;
        boolean any = false;
        for (int i = 0; i < held.length; i++) {
            if (given[i]) {
                all &= held[i];
                any |= held[i];
            }
        }
        return match == Match.ALL ? all : any;
    }

    public boolean hasCriteria() {
        return !programs.isEmpty() || !tiers.isEmpty() || !types.isEmpty() || !regions.isEmpty();
    }

    public boolean everyone() {
        return !hasCriteria() && partners.isEmpty();
    }

    private static <T> boolean holds(Set<T> wanted, Set<T> has) {
        return !Collections.disjoint(wanted, has);
    }
}
