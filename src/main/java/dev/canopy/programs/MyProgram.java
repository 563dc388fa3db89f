package dev.canopy.programs;

import java.util.List;

/**
 * A programme as a member partner sees it in the portal: its tier, its progress to the next tier (empty
 * at the top), the terms and whether it accepted them, and its tier history.
 */
public record MyProgram(
        ProgramView program,
        MembershipView membership,
        TierView tier,
        TierView nextTier,
        List<MetricProgress> progress,
        TermsVersion currentTerms,
        List<TierChange> history) {}
