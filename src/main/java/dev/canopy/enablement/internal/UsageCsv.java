package dev.canopy.enablement.internal;

import dev.canopy.platform.CsvCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** An asset's usage report as CSV, every cell neutralized against spreadsheet formulas. */
public final class UsageCsv {

    private UsageCsv() {}

    /** Rows of partner, person, views, downloads, share link opens and last use. */
    public static String write(List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("partner", "person", "views", "downloads", "share_link_opens", "last_used_at");
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(CsvCells::text).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
