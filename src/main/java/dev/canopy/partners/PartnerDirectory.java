package dev.canopy.partners;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The partner list's tier column and filter, when a module that knows tiers is present. */
@Service
public class PartnerDirectory {

    private final ObjectProvider<PartnerTiers> tiers;

    PartnerDirectory(ObjectProvider<PartnerTiers> tiers) {
        this.tiers = tiers;
    }

    public List<PartnerTiers.Tier> tiers() {
        PartnerTiers known = tiers.getIfAvailable();
        return known == null ? List.of() : known.tiers();
    }

    /** {@code search} kept to the partners at {@code tierId}; unchanged when no tier is asked for. */
    public PartnerSearch atTier(PartnerSearch search, String tierId) {
        PartnerTiers known = tiers.getIfAvailable();
        if (tierId == null || tierId.isBlank() || known == null) {
            return search;
        }
        return search.onlyAmong(known.partnersAt(tierId.strip()));
    }

    public Map<PartnerId, List<String>> tierLabels(Collection<PartnerView> partners) {
        PartnerTiers known = tiers.getIfAvailable();
        return known == null
                ? Map.of()
                : known.tierLabels(partners.stream().map(PartnerView::id).toList());
    }
}
