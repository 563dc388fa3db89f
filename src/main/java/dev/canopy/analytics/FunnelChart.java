package dev.canopy.analytics;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A funnel's days as the chart script ({@code /js/analytics.js}) reads them: comma-separated series in the canvas's
 * data attributes.
 */
public record FunnelChart(String days, String clicks, String leads, String customers, String revenue) {

    public static FunnelChart of(List<FunnelReport.DayRow> rows) {
        return new FunnelChart(
                join(rows, r -> r.day().toString()),
                join(rows, r -> Long.toString(r.clicks())),
                join(rows, r -> Long.toString(r.leads())),
                join(rows, r -> Long.toString(r.customers())),
                join(rows, r -> r.partnerRevenue().amount().toPlainString()));
    }

    private static String join(List<FunnelReport.DayRow> rows, Function<FunnelReport.DayRow, String> value) {
        return rows.stream().map(value).collect(Collectors.joining(","));
    }
}
