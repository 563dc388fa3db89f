package dev.canopy.commissions;

import java.util.Map;

/**
 * A rule as typed in the plan editor or sent to the API: text, checked by {@link CommissionPlans}.
 * {@code tierRates} maps a tier id to the rate (or flat amount) that tier earns instead.
 */
public record RuleDraft(
        String name,
        String event,
        String basis,
        String rate,
        String flatAmount,
        String duration,
        String durationMonths,
        String product,
        String country,
        String minAmount,
        String maxAmount,
        String tierId,
        String capAmount,
        String capPeriod,
        Map<String, String> tierRates) {}
