package dev.canopy.analytics;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A period against the one before it, in total and day by day (each list oldest first, one row per day): clicks,
 * leads, customers, partner revenue and commission cost, amounts in the reporting currency.
 */
public record Trend(
        Currency currency,
        Period period,
        FunnelReport.Totals current,
        FunnelReport.Totals previous,
        List<FunnelReport.DayRow> days,
        List<FunnelReport.DayRow> previousDays) {

    /** One figure of both periods, for a tile and its chart. */
    public record Figure(
            Kpi kpi,
            BigDecimal now,
            BigDecimal before,
            Optional<BigDecimal> change,
            boolean money,
            String series,
            String previousSeries) {}

    public List<Figure> figures() {
        return List.of(
                figure(Kpi.CLICKS, t -> BigDecimal.valueOf(t.clicks()), d -> BigDecimal.valueOf(d.clicks()), false),
                figure(Kpi.LEADS, t -> BigDecimal.valueOf(t.leads()), d -> BigDecimal.valueOf(d.leads()), false),
                figure(
                        Kpi.CUSTOMERS,
                        t -> BigDecimal.valueOf(t.customers()),
                        d -> BigDecimal.valueOf(d.customers()),
                        false),
                figure(
                        Kpi.PARTNER_REVENUE,
                        t -> t.partnerRevenue().amount(),
                        d -> d.partnerRevenue().amount(),
                        true),
                figure(
                        Kpi.COMMISSION_COST,
                        t -> t.commissionCost().amount(),
                        d -> d.commissionCost().amount(),
                        true));
    }

    /** The period's days, comma-separated, as the chart's labels. */
    public String dayLabels() {
        return String.join(",", days.stream().map(d -> d.day().toString()).toList());
    }

    private Figure figure(
            Kpi kpi,
            Function<FunnelReport.Totals, BigDecimal> total,
            Function<FunnelReport.DayRow, BigDecimal> daily,
            boolean money) {
        BigDecimal now = total.apply(current);
        BigDecimal before = total.apply(previous);
        return new Figure(
                kpi,
                now,
                before,
                FunnelReport.change(now, before),
                money,
                series(days, daily),
                series(previousDays, daily));
    }

    private static String series(List<FunnelReport.DayRow> rows, Function<FunnelReport.DayRow, BigDecimal> value) {
        return String.join(
                ",", rows.stream().map(r -> value.apply(r).toPlainString()).toList());
    }
}
