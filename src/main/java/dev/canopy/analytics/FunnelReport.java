package dev.canopy.analytics;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The demand funnel of a period against the one before it: clicks → leads → new customers → revenue, in the
 * reporting currency, with partner and unattributed revenue kept apart ({@link Kpi} defines each figure).
 *
 * @param partners one row per partner with any activity in the period, the largest revenue first (on the
 *     dashboard, the first {@value Analytics#DASHBOARD_PARTNERS} only)
 * @param partnerCount the partners with any activity in the period, listed or not
 * @param days every day of the period, for the charts
 * @param unconverted the day totals left out of the revenue for want of an exchange rate on or before their day
 */
public record FunnelReport(
        FunnelQuery query,
        Currency currency,
        Totals current,
        Totals previous,
        DealTotals deals,
        DealTotals previousDeals,
        List<PartnerRow> partners,
        long partnerCount,
        List<DayRow> days,
        List<Unconverted> unconverted) {

    /**
     * @param clicks people's requests through partner links, repeats included
     * @param uniqueClicks clicks less a visitor's repeats on a link within the hour
     * @param botRequests known bots' and crawlers' requests, never clicks
     */
    @Schema(name = "FunnelTotals")
    public record Totals(
            long clicks,
            long uniqueClicks,
            long botRequests,
            long leads,
            long customers,
            Money partnerRevenue,
            Money unattributedRevenue,
            Money commissionCost) {

        public Money revenue() {
            return partnerRevenue.plus(unattributedRevenue);
        }

        /** Partner revenue ÷ all revenue, in per cent; empty when there was no revenue. */
        public Optional<BigDecimal> partnerShare() {
            return percent(partnerRevenue.amount(), revenue().amount());
        }

        /** Commission cost ÷ partner revenue, in per cent; empty without partner revenue. */
        public Optional<BigDecimal> costRatio() {
            return percent(commissionCost.amount(), partnerRevenue.amount());
        }

        public Optional<BigDecimal> leadRate() {
            return percent(BigDecimal.valueOf(leads), BigDecimal.valueOf(uniqueClicks));
        }

        /** Bots' requests ÷ every request (bots' and people's), in per cent; empty without any request. */
        public Optional<BigDecimal> botShare() {
            return percent(BigDecimal.valueOf(botRequests), BigDecimal.valueOf(botRequests + clicks));
        }

        public Optional<BigDecimal> customerRate() {
            return percent(BigDecimal.valueOf(customers), BigDecimal.valueOf(leads));
        }

        BigDecimal value(Kpi kpi) {
            return switch (kpi) {
                case CLICKS -> BigDecimal.valueOf(clicks);
                case UNIQUE_CLICKS -> BigDecimal.valueOf(uniqueClicks);
                case LEADS -> BigDecimal.valueOf(leads);
                case CUSTOMERS -> BigDecimal.valueOf(customers);
                case PARTNER_REVENUE -> partnerRevenue.amount();
                case UNATTRIBUTED_REVENUE -> unattributedRevenue.amount();
                case COMMISSION_COST -> commissionCost.amount();
                default -> throw new IllegalArgumentException(kpi + " is not a total");
            };
        }
    }

    /** Registered deals: the pipeline approvals opened, and wins split by sourcing, never blended. */
    public record DealTotals(
            long approved,
            Money pipeline,
            long sourcedWins,
            Money sourcedRevenue,
            long influencedWins,
            Money influencedRevenue,
            long lost,
            BigDecimal cycleDays) {

        public long closed() {
            return sourcedWins + influencedWins + lost;
        }

        /** Won ÷ closed, in per cent; empty when none closed. */
        public Optional<BigDecimal> winRate() {
            return percent(BigDecimal.valueOf(sourcedWins + influencedWins), BigDecimal.valueOf(closed()));
        }

        /** Average days from approval to close, one decimal; empty when none closed. */
        public Optional<BigDecimal> averageCycleDays() {
            return closed() == 0
                    ? Optional.empty()
                    : Optional.of(cycleDays.divide(BigDecimal.valueOf(closed()), 1, RoundingMode.HALF_UP));
        }
    }

    @Schema(name = "FunnelPartnerRow")
    public record PartnerRow(
            PartnerId partner,
            String name,
            long clicks,
            long uniqueClicks,
            long botRequests,
            long leads,
            long customers,
            Money revenue,
            Money commissionCost) {}

    @Schema(name = "FunnelDay")
    public record DayRow(
            LocalDate day, long clicks, long leads, long customers, Money partnerRevenue, Money commissionCost) {}

    @Schema(name = "UnconvertedRevenue")
    public record Unconverted(LocalDate day, Money amount) {}

    /** This period against the previous one, in per cent, one decimal; empty when the previous was zero. */
    public Optional<BigDecimal> change(Kpi kpi) {
        return change(value(kpi, current, deals), value(kpi, previous, previousDeals));
    }

    /** {@code now} against {@code before}, in per cent, one decimal; empty when {@code before} is zero. */
    public static Optional<BigDecimal> change(BigDecimal now, BigDecimal before) {
        return percent(now.subtract(before), before);
    }

    private static BigDecimal value(Kpi kpi, Totals totals, DealTotals deals) {
        return switch (kpi) {
            case PIPELINE -> deals.pipeline().amount();
            case SOURCED_REVENUE -> deals.sourcedRevenue().amount();
            case INFLUENCED_REVENUE -> deals.influencedRevenue().amount();
            default -> totals.value(kpi);
        };
    }

    private static Optional<BigDecimal> percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(part.multiply(BigDecimal.valueOf(100)).divide(whole.abs(), 1, RoundingMode.HALF_UP));
    }
}
