package dev.canopy.payouts.internal;

import dev.canopy.payouts.ReconciliationLine;
import java.util.List;

/** The reconciliation report as CSV, for finance's spreadsheet: one row per partner and currency. */
public final class ReconciliationCsv {

    private ReconciliationCsv() {}

    public static byte[] write(List<ReconciliationLine> lines) {
        return CsvFile.of(
                List.of(
                        "Partner",
                        "Currency",
                        "Earned",
                        "Reimbursed (MDF)",
                        "Reversed",
                        "Clawed back",
                        "Declined",
                        "Paid",
                        "TDS withheld",
                        "GST added",
                        "Balance",
                        "Reconciles"),
                lines.stream()
                        .map(l -> List.<Object>of(
                                l.partnerName(),
                                l.currency(),
                                l.earned(),
                                l.reimbursed(),
                                l.reversed(),
                                l.clawedBack(),
                                l.declined(),
                                l.paid(),
                                l.taxWithheld(),
                                l.gstAdded(),
                                l.balance(),
                                l.reconciles() ? "yes" : "NO"))
                        .toList());
    }
}
