package dev.canopy.partners;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tiers partners hold in programmes, offered by the programmes module (which depends on partners,
 * not the other way round) so that the partner directory can show and filter by them.
 */
public interface PartnerTiers {

    /** A tier of a programme, e.g. "Reseller Program · Gold". */
    record Tier(String id, String label) {}

    /** Every tier of the current workspace's programmes. */
    List<Tier> tiers();

    /** The partners currently at the tier {@code tierId} (empty for an unknown id). */
    Set<PartnerId> partnersAt(String tierId);

    /** The tiers each of {@code partners} holds, labelled for display. */
    Map<PartnerId, List<String>> tierLabels(Collection<PartnerId> partners);
}
