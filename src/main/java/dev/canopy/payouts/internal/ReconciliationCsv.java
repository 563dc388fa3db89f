package dev.canopy.payouts.internal;

import dev.canopy.payouts.ReconciliationLine;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The reconciliation report as CSV, for finance's spreadsheet: one row per partner and currency. */
public final class ReconciliationCsv {

    private ReconciliationCsv() {}

    public static byte[] write(List<ReconciliationLine> lines) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(
                    "Partner",
                    "Currency",
                    "Earned",
                    "Reversed",
                    "Clawed back",
                    "Declined",
                    "Paid",
                    "TDS withheld",
                    "GST added",
                    "Balance",
                    "Reconciles");
            for (ReconciliationLine l : lines) {
                printer.printRecord(List.of(
                                l.partnerName(),
                                l.currency(),
                                l.earned(),
                                l.reversed(),
                                l.clawedBack(),
                                l.declined(),
                                l.paid(),
                                l.taxWithheld(),
                                l.gstAdded(),
                                l.balance(),
                                l.reconciles() ? "yes" : "NO")
                        .stream()
                        .map(CsvExportFormat::cell)
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
