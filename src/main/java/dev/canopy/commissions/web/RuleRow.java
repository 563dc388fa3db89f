package dev.canopy.commissions.web;

import dev.canopy.commissions.CommissionBasis;
import dev.canopy.commissions.CommissionRule;
import dev.canopy.programs.TierView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A plan's rule as the editor's table reads it: each part in words, tiers by name. */
record RuleRow(
        CommissionRule rule,
        String amount,
        String duration,
        List<String> conditions,
        List<String> overrides,
        String cap) {

    static List<RuleRow> of(List<CommissionRule> rules, List<TierView> tiers, String currency) {
        Map<UUID, String> names = tiers.stream().collect(Collectors.toMap(TierView::id, TierView::name));
        Function<UUID, String> name = id -> names.getOrDefault(id, "a removed tier");
        return rules.stream().map(r -> of(r, name, currency)).toList();
    }

    private static RuleRow of(CommissionRule r, Function<UUID, String> tierName, String currency) {
        List<String> conditions = new ArrayList<>();
        if (r.product() != null) {
            conditions.add("product " + r.product());
        }
        if (r.country() != null) {
            conditions.add("customer in " + r.country());
        }
        if (r.minAmount() != null && r.maxAmount() != null) {
            conditions.add("amount " + plain(r.minAmount()) + "–" + plain(r.maxAmount()));
        } else if (r.minAmount() != null) {
            conditions.add("amount from " + plain(r.minAmount()));
        } else if (r.maxAmount() != null) {
            conditions.add("amount up to " + plain(r.maxAmount()));
        }
        if (r.tierId() != null) {
            conditions.add("partners at " + tierName.apply(r.tierId()));
        }
        boolean flat = r.basis() == CommissionBasis.FLAT;
        List<String> overrides = r.tierRates().entrySet().stream()
                .map(e -> tierName.apply(e.getKey()) + ": " + plain(e.getValue()) + (flat ? " " + currency : " %"))
                .toList();
        String cap = r.capAmount() == null
                ? null
                : plain(r.capAmount()) + " " + currency + " a "
                        + r.capPeriod().name().toLowerCase(Locale.ROOT) + " per partner";
        return new RuleRow(r, r.amountText(currency), r.durationText(), conditions, overrides, cap);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
