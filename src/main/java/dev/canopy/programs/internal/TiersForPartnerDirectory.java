package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerTiers;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.InvalidInputException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Lets the partner directory show each partner's tiers, filter by one, and place a partner staff add. */
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

    @Override
    public List<Programme> programmes() {
        return programs.list().stream()
                .map(program -> new Programme(
                        program.id().toString(),
                        program.name(),
                        tiers.tiers(program.id()).stream()
                                .sorted(Comparator.comparingInt(TierView::rank))
                                .map(tier -> new Tier(tier.id().toString(), tier.name()))
                                .toList()))
                .toList();
    }

    @Override
    public void enrol(PartnerId partner, String programId, @Nullable String tierId) {
        Programme programme = programmes().stream()
                .filter(p -> p.id().equals(programId))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("placements", "Choose one of your programmes"));
        UUID tier = null;
        if (tierId != null && !tierId.isBlank()) {
            tier = programme.tiers().stream()
                    .filter(t -> t.id().equals(tierId.strip()))
                    .findFirst()
                    .map(t -> UUID.fromString(t.id()))
                    .orElseThrow(() ->
                            new InvalidInputException("placements", "Choose one of the tiers of " + programme.name()));
        }
        memberships.enrol(new ProgramId(UUID.fromString(programme.id())), partner, tier);
    }

    private static String label(ProgramView program, String tier) {
        return program.name() + " · " + tier;
    }
}
