package dev.canopy.deals.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.MetricReading;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Feeds tier rules: a partner's deals won and partner-sourced revenue of the last 12 months, recomputed
 * in full and recorded as absolute readings, so recording twice changes nothing.
 */
@Component
public class DealMetrics {

    private final WonDealTable won;
    private final Tiers tiers;

    // Deals' readings of a metric are kept apart from other modules' readings of the same metric.
    private static final String SOURCE = "deals";

    DealMetrics(WonDealTable won, Tiers tiers) {
        this.won = won;
        this.tiers = tiers;
    }

    public void record(WorkspaceId workspace, PartnerId partner, Instant now) {
        tiers.recordMetric(
                workspace,
                SOURCE,
                new MetricReading(
                        partner,
                        TierMetric.DEALS_WON,
                        BigDecimal.valueOf(won.wonCount(workspace, partner)),
                        null,
                        now));
        List<Money> sourced = won.sourcedRevenueSince(workspace, partner, now.minus(Duration.ofDays(365)));
        for (String currency : won.wonCurrencies(workspace, partner)) {
            BigDecimal total = sourced.stream()
                    .filter(m -> m.currencyCode().equals(currency))
                    .map(Money::amount)
                    .findFirst()
                    .orElse(BigDecimal.ZERO);
            tiers.recordMetric(
                    workspace,
                    SOURCE,
                    new MetricReading(partner, TierMetric.PARTNER_SOURCED_REVENUE_12M, total, currency, now));
        }
    }
}
