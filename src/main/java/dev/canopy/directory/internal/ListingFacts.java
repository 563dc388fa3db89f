package dev.canopy.directory.internal;

import dev.canopy.analytics.CertifiedPeople;
import dev.canopy.enablement.CertificateState;
import dev.canopy.enablement.CertificateView;
import dev.canopy.enablement.CertificationView;
import dev.canopy.enablement.Certifications;
import dev.canopy.partners.PartnerDirectory;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerTiers;
import dev.canopy.platform.CurrentWorkspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What Canopy knows of listed partners, which they cannot write themselves: their best tier (by its place in its
 * programme), how many of their people hold a certificate in force, and which certifications those are. Read for
 * the current workspace.
 */
@Component
public class ListingFacts {

    /** One partner's facts; a partner without a tier has rank 0. */
    public record Facts(@Nullable String tier, int tierRank, long certifiedPeople, List<String> certifications) {

        static final Facts NONE = new Facts(null, 0, 0, List.of());
    }

    private static final Set<CertificateState> IN_FORCE =
            EnumSet.of(CertificateState.ACTIVE, CertificateState.EXPIRING);

    private final PartnerDirectory partners;
    private final Certifications certifications;
    private final List<CertifiedPeople> certifiedPeople;
    private final CurrentWorkspace currentWorkspace;

    ListingFacts(
            PartnerDirectory partners,
            Certifications certifications,
            List<CertifiedPeople> certifiedPeople,
            CurrentWorkspace currentWorkspace) {
        this.partners = partners;
        this.certifications = certifications;
        this.certifiedPeople = certifiedPeople;
        this.currentWorkspace = currentWorkspace;
    }

    public Map<PartnerId, Facts> of(Collection<PartnerId> listed) {
        if (listed.isEmpty()) {
            return Map.of();
        }
        Map<PartnerId, PartnerTiers.Tier> bestTier = new HashMap<>();
        Map<PartnerId, Integer> bestRank = new HashMap<>();
        for (PartnerTiers.Programme programme : partners.programmes()) {
            for (int i = 0; i < programme.tiers().size(); i++) {
                PartnerTiers.Tier tier = programme.tiers().get(i);
                int rank = i + 1;
                for (PartnerId partner : partners.matching(null, null, tier.id())) {
                    if (listed.contains(partner) && rank > bestRank.getOrDefault(partner, 0)) {
                        bestRank.put(partner, rank);
                        bestTier.put(partner, tier);
                    }
                }
            }
        }
        Map<PartnerId, Set<String>> held = new HashMap<>();
        for (CertificationView certification : certifications.list()) {
            if (certification.archived()) {
                continue;
            }
            for (CertificateView certificate : certifications.holders(certification.id())) {
                if (listed.contains(certificate.partner()) && IN_FORCE.contains(certificate.state())) {
                    held.computeIfAbsent(certificate.partner(), p -> new TreeSet<>())
                            .add(certification.name());
                }
            }
        }
        // Every source counts, as on the dashboards (enablement's certificates, and any other).
        Map<PartnerId, Long> people = new HashMap<>();
        for (CertifiedPeople source : certifiedPeople) {
            source.certifiedPeople(currentWorkspace.id()).forEach((partner, n) -> people.merge(partner, n, Long::sum));
        }
        Map<PartnerId, Facts> facts = new HashMap<>();
        for (PartnerId partner : listed) {
            PartnerTiers.Tier tier = bestTier.get(partner);
            facts.put(
                    partner,
                    new Facts(
                            tier == null ? null : tier.label(),
                            bestRank.getOrDefault(partner, 0),
                            people.getOrDefault(partner, 0L),
                            new ArrayList<>(held.getOrDefault(partner, Set.of()))));
        }
        return facts;
    }
}
