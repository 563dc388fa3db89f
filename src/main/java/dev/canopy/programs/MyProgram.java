package dev.canopy.programs;

import java.util.List;

/**
 * A programme as a member partner sees it in the portal: its tier, its progress to the next tier (empty
 * at the top), the certifications its current and next tiers require, the terms and whether it accepted
 * them, and its tier history.
 */
public record MyProgram(
        ProgramView program,
        MembershipView membership,
        TierView tier,
        TierView nextTier,
        List<MetricProgress> progress,
        List<TierRequirement> requirements,
        TermsVersion currentTerms,
        List<TierChange> history) {

    /** The requirements of the current tier. */
    public List<TierRequirement> ofTier() {
        return requirements.stream()
                .filter(r -> tier != null && r.tierId().equals(tier.id()))
                .toList();
    }

    /** The requirements of the next tier. */
    public List<TierRequirement> ofNextTier() {
        return requirements.stream()
                .filter(r -> nextTier != null && r.tierId().equals(nextTier.id()))
                .toList();
    }
}
