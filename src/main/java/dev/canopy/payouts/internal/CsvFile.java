package dev.canopy.payouts.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The module's CSV files: a header row (none when empty), then rows of cells written as {@link CsvExportFormat#cell}. */
final class CsvFile {

    private CsvFile() {}

    static byte[] of(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            if (!header.isEmpty()) {
                printer.printRecord(header);
            }
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(CsvExportFormat::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
