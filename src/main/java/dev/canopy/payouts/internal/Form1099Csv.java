package dev.canopy.payouts.internal;

import dev.canopy.payouts.Form1099Payment;
import dev.canopy.payouts.Form1099Row;
import dev.canopy.payouts.Form1099Year;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The 1099 report as CSV for the accountant: one row per partner, the payments no rate converts named. */
public final class Form1099Csv {

    private Form1099Csv() {}

    public static byte[] write(Form1099Year report) {
        String currency = report.threshold().currencyCode();
        return CsvFile.of(
                List.of(
                        "Year",
                        "Partner",
                        "Legal name",
                        "TIN",
                        "Address",
                        "Country",
                        "US form",
                        "Paid (" + currency + ")",
                        "Payments",
                        "Not converted",
                        "Flag",
                        "Threshold (" + currency + ")"),
                report.rows().stream()
                        .map(r -> List.<Object>of(
                                report.year(),
                                r.partnerName(),
                                Objects.toString(r.legalName(), ""),
                                Objects.toString(r.taxId(), ""),
                                Objects.toString(r.address(), ""),
                                Objects.toString(r.country(), ""),
                                r.form().label(),
                                r.paid(),
                                r.payments().size(),
                                unconverted(r),
                                r.flag().label(),
                                report.threshold()))
                        .toList());
    }

    /** "EUR 500.00 paid 2026-03-04 (PR-0003-0001); …": what the total leaves out. */
    private static String unconverted(Form1099Row row) {
        return row.unconverted().stream().map(Form1099Payment::describe).collect(Collectors.joining("; "));
    }
}
