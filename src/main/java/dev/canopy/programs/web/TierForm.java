package dev.canopy.programs.web;

import dev.canopy.programs.TierDraft;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.TierView;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** The tier editor's form: a field per metric, named as {@link TierMetric#field()} names it. */
record TierForm(
        String name,
        String benefits,
        String revenue12m,
        String dealsWon,
        String certifiedPeople,
        String activeCustomers) {

    static TierForm blank() {
        return new TierForm("", "", "", "", "", "");
    }

    static TierForm of(TierView tier) {
        return new TierForm(
                tier.name(),
                tier.benefits(),
                text(tier.thresholds().get(TierMetric.PARTNER_SOURCED_REVENUE_12M)),
                text(tier.thresholds().get(TierMetric.DEALS_WON)),
                text(tier.thresholds().get(TierMetric.CERTIFIED_PEOPLE)),
                text(tier.thresholds().get(TierMetric.ACTIVE_CUSTOMERS)));
    }

    TierDraft draft() {
        Map<TierMetric, String> thresholds = new EnumMap<>(TierMetric.class);
        put(thresholds, TierMetric.PARTNER_SOURCED_REVENUE_12M, revenue12m);
        put(thresholds, TierMetric.DEALS_WON, dealsWon);
        put(thresholds, TierMetric.CERTIFIED_PEOPLE, certifiedPeople);
        put(thresholds, TierMetric.ACTIVE_CUSTOMERS, activeCustomers);
        return new TierDraft(name, benefits, thresholds);
    }

    private static void put(Map<TierMetric, String> thresholds, TierMetric metric, String value) {
        if (value != null) {
            thresholds.put(metric, value);
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
