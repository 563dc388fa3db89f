package dev.canopy.commissions;

import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import java.util.List;

/** A programme's plan: its rules and the least a partner is paid in one payout, in the programme's currency. */
public record CommissionPlan(
        ProgramId program,
        String programName,
        String currency,
        int holdPeriodDays,
        Money payoutMinimum,
        List<CommissionRule> rules) {}
