package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerTiers;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.Tiers;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Lets the partner directory show each partner's tiers and filter by one. */
@Component
class TiersForPartnerDirectory implements PartnerTiers {

    private final Programs programs;
    private final Tiers tiers;
    private final Memberships memberships;

    TiersForPartnerDirectory(Programs programs, Tiers tiers, Memberships memberships) {
        this.programs = programs;
        this.tiers = tiers;
        this.memberships = memberships;
    }

    @Override
    public List<Tier> tiers() {
        return programs.list().stream()
                .flatMap(program -> tiers.tiers(program.id()).stream()
                        .map(tier -> new Tier(tier.id().toString(), label(program, tier.name()))))
                .toList();
    }

    @Override
    public Set<PartnerId> partnersAt(String tierId) {
        return memberships.list(null, null).stream()
                .filter(m -> m.tierId() != null && m.tierId().toString().equals(tierId))
                .map(MembershipView::partnerId)
                .collect(Collectors.toSet());
    }

    @Override
    public Map<PartnerId, List<String>> tierLabels(Collection<PartnerId> partners) {
        Set<PartnerId> wanted = new HashSet<>(partners);
        return memberships.list(null, null).stream()
                .filter(m -> m.tierName() != null && wanted.contains(m.partnerId()))
                .collect(Collectors.groupingBy(
                        MembershipView::partnerId,
                        Collectors.mapping(m -> m.programName() + " · " + m.tierName(), Collectors.toList())));
    }

    private static String label(ProgramView program, String tier) {
        return program.name() + " · " + tier;
    }
}
