package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.MetricReading;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.Programs;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** What tracking measures for tier rules, recorded after each sale, refund and churn. */
@Component
class ConversionMetrics {

    // Tier metrics this module measures are kept apart from other modules' readings of the same metric.
    private static final String METRIC_SOURCE = "tracking";

    private final CustomerTable customers;
    private final ConversionTable conversions;
    private final Programs programs;
    private final Tiers tiers;
    private final Clock clock;

    ConversionMetrics(
            CustomerTable customers, ConversionTable conversions, Programs programs, Tiers tiers, Clock clock) {
        this.customers = customers;
        this.conversions = conversions;
        this.programs = programs;
        this.tiers = tiers;
        this.clock = clock;
    }

    /** Feeds tier rules: active customers, and net revenue of the last 12 months in the programme's currency. */
    void measure(WorkspaceId workspace, PartnerId partner, ProgramId program) {
        if (partner == null) {
            return;
        }
        Instant now = clock.instant();
        tiers.recordMetric(
                workspace,
                METRIC_SOURCE,
                new MetricReading(
                        partner,
                        TierMetric.ACTIVE_CUSTOMERS,
                        BigDecimal.valueOf(customers.activeOf(workspace, partner)),
                        null,
                        now));
        programs.find(workspace, program).ifPresent(p -> {
            BigDecimal revenue = conversions
                    .netRevenue(workspace, partner, p.reward().currency(), now.minus(Duration.ofDays(365)))
                    .max(BigDecimal.ZERO);
            tiers.recordMetric(
                    workspace,
                    METRIC_SOURCE,
                    new MetricReading(
                            partner,
                            TierMetric.PARTNER_SOURCED_REVENUE_12M,
                            revenue,
                            p.reward().currency(),
                            now));
        });
    }
}
