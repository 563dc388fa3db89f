package dev.canopy.commissions;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
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
        Map<String, String> tierRates) {

    /** An empty rule for the editor: a one-off percentage of first-year contract value on a won deal. */
    public static RuleDraft blank() {
        return new RuleDraft(
                "", "DEAL_WON", "CONTRACT_VALUE", "", "", "ONCE", "", "", "", "", "", "", "", "", Map.of());
    }

    /** A rule as the editor shows it for a change. */
    public static RuleDraft of(CommissionRule r) {
        Map<String, String> overrides = new LinkedHashMap<>();
        r.tierRates().forEach((tier, value) -> overrides.put(tier.toString(), text(value)));
        return new RuleDraft(
                r.name(),
                r.event().name(),
                r.basis().name(),
                text(r.rate()),
                text(r.flatAmount()),
                r.duration().name(),
                r.durationMonths() == null ? "" : r.durationMonths().toString(),
                r.product() == null ? "" : r.product(),
                r.country() == null ? "" : r.country(),
                text(r.minAmount()),
                text(r.maxAmount()),
                r.tierId() == null ? "" : r.tierId().toString(),
                text(r.capAmount()),
                r.capPeriod() == null ? "" : r.capPeriod().name(),
                overrides);
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
