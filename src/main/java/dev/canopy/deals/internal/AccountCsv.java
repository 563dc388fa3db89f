package dev.canopy.deals.internal;

import dev.canopy.deals.AccountStatus;
import dev.canopy.deals.MappedAccount;
import dev.canopy.platform.RegistrableDomain;
import dev.canopy.shared.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * An account list for account mapping: a CSV with {@code name}, {@code domain} (or website) and
 * {@code status} (customer, open opportunity, prospect). Every row must be right or nothing is taken, and
 * the error names the lines at fault; a domain listed twice keeps its last row.
 */
public final class AccountCsv {

    public static final int MAX_ROWS = 50_000;

    private AccountCsv() {}

    public static List<MappedAccount> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidInputException("file", "Choose a CSV file with name, domain and status columns");
        }
        List<String> problems = new ArrayList<>();
        Map<String, MappedAccount> accounts = new LinkedHashMap<>();
        try (var parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))) {
            Map<String, String> columns = new LinkedHashMap<>();
            parser.getHeaderNames().forEach(h -> columns.put(h.strip().toLowerCase(Locale.ROOT), h));
            String name = columns.getOrDefault("name", columns.get("account"));
            String domain = columns.getOrDefault("domain", columns.get("website"));
            String status = columns.get("status");
            if (name == null || domain == null || status == null) {
                throw new InvalidInputException("file", "The first line must name the columns: name, domain, status");
            }
            for (CSVRecord row : parser) {
                if (accounts.size() >= MAX_ROWS) {
                    throw new InvalidInputException("file", "At most " + MAX_ROWS + " accounts per upload");
                }
                long line = row.getRecordNumber() + 1;
                String n = row.isMapped(name) ? row.get(name) : "";
                String d = row.isMapped(domain) ? row.get(domain) : "";
                String s = row.isMapped(status) ? row.get(status) : "";
                var registrable = RegistrableDomain.of(d);
                AccountStatus parsed = status(s);
                if (n.isBlank() || n.length() > 200) {
                    problems.add("line " + line + ": a name of 1 to 200 characters");
                } else if (registrable.isEmpty()) {
                    problems.add("line " + line + ": '" + d + "' is not a web domain");
                } else if (parsed == null) {
                    problems.add("line " + line + ": status is customer, open opportunity or prospect");
                } else {
                    accounts.put(registrable.get(), new MappedAccount(n.strip(), registrable.get(), parsed));
                }
                if (problems.size() >= 10) {
                    break;
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("file", "Not a readable CSV file");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("file", "Nothing was taken; fix " + String.join("; ", problems));
        }
        return List.copyOf(accounts.values());
    }

    static AccountStatus status(String raw) {
        String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
        return switch (s) {
            case "customer", "client" -> AccountStatus.CUSTOMER;
            case "open opportunity", "opportunity", "open opp", "open" -> AccountStatus.OPEN_OPPORTUNITY;
            case "prospect", "lead" -> AccountStatus.PROSPECT;
            default -> null;
        };
    }
}
