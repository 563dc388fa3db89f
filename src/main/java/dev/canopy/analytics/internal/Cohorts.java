package dev.canopy.analytics.internal;

import dev.canopy.analytics.RetentionReport;
import dev.canopy.tracking.CustomerActivity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The cohort triangle: per month of first payment, the share still paying at the end of each later month. */
public final class Cohorts {

    private Cohorts() {}

    public static List<RetentionReport.CohortRow> rows(
            List<CustomerActivity.CohortCount> counts, boolean partnered, YearMonth first, YearMonth last) {
        List<RetentionReport.CohortRow> rows = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            long customers = 0;
            long[] churnedBy = new long[(int) (month.until(last, ChronoUnit.MONTHS) + 1)];
            for (CustomerActivity.CohortCount c : counts) {
                if (c.partnered() != partnered || !YearMonth.from(c.cohort()).equals(month)) {
                    continue;
                }
                customers += c.customers();
                if (c.churnedIn() != null) {
                    long after = month.until(YearMonth.from(c.churnedIn()), ChronoUnit.MONTHS);
                    // Churned in month m + k: gone at the end of month m + k and every one after.
                    for (int k = (int) Math.max(after, 0); k < churnedBy.length; k++) {
                        churnedBy[k] += c.customers();
                    }
                }
            }
            if (customers == 0) {
                continue;
            }
            List<BigDecimal> retained = new ArrayList<>();
            for (long gone : churnedBy) {
                retained.add(BigDecimal.valueOf((customers - gone) * 100)
                        .divide(BigDecimal.valueOf(customers), 1, RoundingMode.HALF_UP));
            }
            rows.add(new RetentionReport.CohortRow(month, customers, List.copyOf(retained)));
        }
        return rows;
    }
}
