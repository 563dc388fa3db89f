package dev.canopy.partners.internal;

import dev.canopy.partners.PartnerView;
import dev.canopy.platform.CsvCells;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The partner CSV format, in and out. Headers are matched loosely (case, spaces, a few synonyms used by
 * CRMs and other PRMs' exports); lists inside a cell are separated by semicolons.
 */
public final class PartnerCsv {

    public static final List<String> COLUMNS = List.of(
            "name", "website", "types", "regions", "verticals", "size", "status", "contact_name", "contact_email");

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("company", "name"),
            Map.entry("company_name", "name"),
            Map.entry("partner", "name"),
            Map.entry("partner_name", "name"),
            Map.entry("domain", "website"),
            Map.entry("url", "website"),
            Map.entry("type", "types"),
            Map.entry("partner_type", "types"),
            Map.entry("partner_types", "types"),
            Map.entry("region", "regions"),
            Map.entry("vertical", "verticals"),
            Map.entry("industry", "verticals"),
            Map.entry("industries", "verticals"),
            Map.entry("company_size", "size"),
            Map.entry("employees", "size"),
            Map.entry("contact", "contact_name"),
            Map.entry("email", "contact_email"));

    /** One data row: its line in the file, the values by canonical column, and the raw values. */
    public record Row(long line, Map<String, String> values, List<String> raw) {
        public String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        public List<String> list(String column) {
            String value = get(column);
            return value == null
                    ? List.of()
                    : Arrays.stream(value.split("[;|]"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }
    }

    /** The parsed file: its header as written, and its rows. */
    public record Parsed(List<String> header, List<Row> rows) {}

    private PartnerCsv() {}

    /** Empty when the text is not CSV with a header naming at least the company name. */
    public static Optional<Parsed> parse(String text) {
        try {
            var parser = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .setAllowMissingColumnNames(true)
                    .get()
                    .parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
            List<String> header = parser.getHeaderNames();
            List<String> canonical = header.stream().map(PartnerCsv::canonical).toList();
            if (!canonical.contains("name")) {
                return Optional.empty();
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> values = new java.util.HashMap<>();
                for (int i = 0; i < Math.min(canonical.size(), record.size()); i++) {
                    values.putIfAbsent(canonical.get(i), record.get(i));
                }
                rows.add(new Row(record.getRecordNumber() + 1, values, record.toList()));
            }
            return Optional.of(new Parsed(header, rows));
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The rows refused, as they were, with the line and the reason in front. */
    public static String rejected(List<String> header, List<Map.Entry<Row, String>> rejections) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            List<String> columns = new ArrayList<>(List.of("line", "reason"));
            columns.addAll(header);
            printer.printRecord(columns);
            for (Map.Entry<Row, String> rejection : rejections) {
                List<Object> values = new ArrayList<>(List.of(rejection.getKey().line(), rejection.getValue()));
                values.addAll(rejection.getKey().raw());
                printer.printRecord(values.stream().map(CsvCells::text).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String export(Collection<PartnerView> partners) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(List.of(
                    "id",
                    "name",
                    "website",
                    "types",
                    "regions",
                    "verticals",
                    "size",
                    "status",
                    "dormant",
                    "last_activity",
                    "created"));
            for (PartnerView p : partners) {
                printer.printRecord(Stream.of(
                                p.id(),
                                p.name(),
                                p.website(),
                                String.join(
                                        ";",
                                        p.types().stream()
                                                .map(Enum::name)
                                                .sorted()
                                                .toList()),
                                String.join(";", p.regions()),
                                String.join(";", p.verticals()),
                                p.size(),
                                p.status().name(),
                                p.dormant(),
                                p.lastActivityAt(),
                                p.createdAt())
                        .map(CsvCells::text)
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String canonical(String header) {
        String key =
                header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return SYNONYMS.getOrDefault(key, key);
    }
}
