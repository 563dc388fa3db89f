package dev.canopy.comarketing;

/**
 * A share of a budget for one partner or for each partner of one tier: an amount, or with {@code accrualPercent}
 * that share of the partner's attributed net revenue in the budget's period, capped at {@code amount}.
 */
public record AllocationInput(String partnerId, String tierId, String amount, String accrualPercent) {}
