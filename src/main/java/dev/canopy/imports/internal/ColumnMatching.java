package dev.canopy.imports.internal;

import dev.canopy.imports.RecordKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The vendor's own CSV of customers or deals: which of its columns holds each of Canopy's fields — guessed from the
 * headers, confirmed by hand — and the file rewritten in Canopy's columns ({@link Formats}, source CSV).
 */
public final class ColumnMatching {

    /** One of Canopy's fields: its column, what the form calls it, whether it must be matched, and usual headers. */
    public record Target(String column, String label, boolean required, List<String> synonyms) {}

    private static final Map<RecordKind, List<Target>> TARGETS = Map.of(
            RecordKind.CUSTOMERS,
            List.of(
                    new Target(
                            "id",
                            "Customer id (as your billing system knows it)",
                            true,
                            List.of("customer_id", "external_id", "stripe_customer_id", "customer", "uid")),
                    new Target(
                            "partner",
                            "Partner (its name or its contact's email)",
                            true,
                            List.of(
                                    "partner_name",
                                    "partner_email",
                                    "reseller",
                                    "affiliate",
                                    "referred_by",
                                    "referrer")),
                    new Target("email", "Customer email", false, List.of("customer_email", "email_address")),
                    new Target(
                            "name",
                            "Customer name",
                            false,
                            List.of("customer_name", "company", "account", "account_name")),
                    new Target(
                            "status", "Status (lead, customer)", false, List.of("state", "stage", "lifecycle_stage")),
                    new Target(
                            "created_at",
                            "Became a customer on",
                            false,
                            List.of("created", "signup_date", "customer_since", "date", "first_payment"))),
            RecordKind.DEALS,
            List.of(
                    new Target("id", "Deal id", true, List.of("deal_id", "opportunity_id", "opportunity")),
                    new Target(
                            "partner",
                            "Partner (its name or its contact's email)",
                            true,
                            List.of("partner_name", "partner_email", "reseller", "registered_by")),
                    new Target("account_name", "Account", true, List.of("account", "company", "customer", "name")),
                    new Target("website", "Account website", true, List.of("domain", "url", "company_domain", "web")),
                    new Target("contact_name", "Contact", true, List.of("contact", "buyer")),
                    new Target("contact_email", "Contact email", true, List.of("email", "buyer_email")),
                    new Target("amount", "Amount", true, List.of("value", "deal_value", "acv", "arr", "deal_amount")),
                    new Target("currency", "Currency (EUR, USD…)", true, List.of("ccy")),
                    new Target("stage", "Stage (qualification, proposal, negotiation)", false, List.of("deal_stage")),
                    new Target(
                            "status",
                            "Status (pending, approved, won, lost…)",
                            false,
                            List.of("outcome", "result", "state")),
                    new Target(
                            "expected_close",
                            "Expected close",
                            true,
                            List.of("close_date", "closing_date", "expected_close_date")),
                    new Target(
                            "submitted_at",
                            "Registered on",
                            true,
                            List.of("created_at", "registered_at", "created", "registration_date", "date")),
                    new Target("closed_at", "Closed on (won or lost)", false, List.of("closed", "won_at", "lost_at"))));

    private ColumnMatching() {}

    public static List<Target> targets(RecordKind kind) {
        return TARGETS.get(kind);
    }

    /** For each of Canopy's fields, the header that looks like it (each header used once); null when none does. */
    public static Map<String, @Nullable String> guess(RecordKind kind, List<String> headers) {
        Map<String, String> guesses = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (Target target : TARGETS.get(kind)) {
            String found = null;
            for (String candidate : concat(target.column(), target.synonyms())) {
                if (headers.contains(candidate) && !used.contains(candidate)) {
                    found = candidate;
                    break;
                }
            }
            if (found != null) {
                used.add(found);
            }
            guesses.put(target.column(), found);
        }
        return guesses;
    }

    /** The file in Canopy's columns; a field matched to no column stays empty. */
    public static String rewrite(RecordKind kind, ImportFile file, Map<String, String> matched) {
        List<Target> targets = TARGETS.get(kind);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(targets.stream().map(Target::column).toList());
            for (Map<String, String> record : file.records()) {
                printer.printRecord(targets.stream()
                        .map(t ->
                                matched.get(t.column()) == null ? "" : record.getOrDefault(matched.get(t.column()), ""))
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream())
                .toList();
    }
}
