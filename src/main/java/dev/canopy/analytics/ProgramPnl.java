package dev.canopy.analytics;

import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;

/**
 * One programme's period, as a profit and loss line: what its partners brought and what they cost, in the reporting
 * currency ({@link Kpi#NET_CONTRIBUTION}).
 */
public record ProgramPnl(ProgramId program, String name, FunnelReport.Totals totals, FunnelReport.DealTotals deals) {

    /** Partner revenue less commission cost. */
    public Money net() {
        return totals.partnerRevenue().minus(totals.commissionCost());
    }
}
