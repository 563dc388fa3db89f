package dev.canopy.imports.internal;

import dev.canopy.imports.internal.Formats.Field;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/** An uploaded export read with Commons CSV (ADR 9): its rows by normalized header, each with its line. */
public final class ImportFile {

    /** One data row; {@link #get} answers null for a blank or missing value. */
    public record Row(long line, Map<String, String> values, Formats.Format format) {

        public @Nullable String get(Field field) {
            String column = format.column(field);
            String value = column == null ? null : values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private final List<String> header;
    private final List<Map<String, String>> rows;
    private final List<Long> lines;

    private ImportFile(List<String> header, List<Map<String, String>> rows, List<Long> lines) {
        this.header = header;
        this.rows = rows;
        this.lines = lines;
    }

    /** Reads CSV text with a header line; throws IllegalArgumentException when it is not CSV. */
    public static ImportFile parse(String text) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setTrim(true)
                .get();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<String> header =
                    parser.getHeaderNames().stream().map(ImportFile::normalize).toList();
            List<Map<String, String>> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < record.size() && i < header.size(); i++) {
                    values.putIfAbsent(header.get(i), record.get(i));
                }
                rows.add(values);
                lines.add(record.getRecordNumber() + 1);
            }
            return new ImportFile(header, rows, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("This is not a CSV file with a header line: " + e.getMessage(), e);
        }
    }

    /** "Partnership Key" and "partnership-key" → "partnership_key". */
    public static String normalize(String header) {
        return header.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
    }

    public List<String> header() {
        return header;
    }

    /** Every row's values by normalized header. */
    public List<Map<String, String>> records() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    /** The columns of {@code format} that must be there and are not. */
    public List<String> missing(Formats.Format format) {
        return format.requiredColumns().stream()
                .filter(c -> !header.contains(c))
                .toList();
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), read through {@code format}. */
    public List<Row> rows(Formats.Format format, int from, int to) {
        List<Row> slice = new ArrayList<>();
        for (int i = from; i < Math.min(to, rows.size()); i++) {
            slice.add(new Row(lines.get(i), rows.get(i), format));
        }
        return slice;
    }
}
