package dev.canopy.analytics;

import dev.canopy.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Whether customers stay, and what they are worth, with partners and without ({@link Kpi#CHURN},
 * {@link Kpi#ARPA}, {@link Kpi#COHORT_RETENTION}).
 */
public record RetentionReport(
        Side partner, Side direct, List<CohortRow> partnerCohorts, List<CohortRow> directCohorts) {

    /**
     * One side's figures: the customers who paid in the period and what they paid; those paying when it began and
     * how many of them churned in it.
     */
    @Schema(name = "RetentionSide")
    public record Side(long payingAccounts, Money revenue, long payingAtStart, long churned) {

        /** Revenue ÷ paying accounts; empty without any. */
        public Optional<Money> arpa() {
            return payingAccounts == 0
                    ? Optional.empty()
                    : Optional.of(new Money(
                            revenue.amount().divide(BigDecimal.valueOf(payingAccounts), 10, RoundingMode.HALF_UP),
                            revenue.currency()));
        }

        /** Churned ÷ paying at the start, in per cent; empty when none were paying. */
        public Optional<BigDecimal> churnRate() {
            return payingAtStart == 0
                    ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(churned * 100)
                            .divide(BigDecimal.valueOf(payingAtStart), 1, RoundingMode.HALF_UP));
        }
    }

    /**
     * Customers who first paid in {@code month}; {@code retained} the share (per cent) still paying at the end of that
     * month and each after it, up to the period's last month.
     */
    @Schema(name = "RetentionCohort")
    public record CohortRow(
            @Schema(
                    type = "string",
                    pattern = "^[0-9]{4}-[0-9]{2}$",
                    description = "The month of first payment, 2026-11")
            YearMonth month,

            long customers,
            List<BigDecimal> retained) {}
}
