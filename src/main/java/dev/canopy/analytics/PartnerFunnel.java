package dev.canopy.analytics;

import java.util.Currency;
import java.util.List;

/**
 * A partner's own funnel, as its portal shows it: its clicks, leads, customers, the revenue it brought and what
 * it earned, against the period before, and its rank band — nothing of any other partner's.
 */
public record PartnerFunnel(
        Period period,
        Currency currency,
        FunnelReport.Totals current,
        FunnelReport.Totals previous,
        List<FunnelReport.DayRow> days,
        RankBand band,
        int activePartners) {}
