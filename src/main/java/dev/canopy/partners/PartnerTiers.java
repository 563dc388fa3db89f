package dev.canopy.partners;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The programmes and tiers partners hold, offered by the programmes module (which depends on partners,
 * not the other way round) so that the partner directory can show and filter by them, and place a partner
 * it adds.
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

    /** A programme of the current workspace and its tiers (labelled by name alone), lowest first. */
    record Programme(String id, String name, List<Tier> tiers) {}

    /** The current workspace's programmes, where staff may place a partner they add. */
    List<Programme> programmes();

    /**
     * Adds {@code partner} to the programme {@code programId} at the tier {@code tierId} (null: the tier its metrics
     * earn); an id that is not one of {@link #programmes()} is refused, naming the field {@code placements}.
     */
    void enrol(PartnerId partner, String programId, @Nullable String tierId);
}
