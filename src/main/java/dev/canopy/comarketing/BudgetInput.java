package dev.canopy.comarketing;

/**
 * A new budget as typed or sent: its programme, name, period (ISO dates), currency and amount, the days a claim
 * is due after its activity ends (default 30), and the request amount above which two people approve (optional).
 */
public record BudgetInput(
        String programId,
        String name,
        String startsOn,
        String endsOn,
        String currency,
        String amount,
        String claimDays,
        String secondApprovalAbove) {}
