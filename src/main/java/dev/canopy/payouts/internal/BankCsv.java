package dev.canopy.payouts.internal;

import dev.canopy.shared.InvalidInputException.FieldProblem;
import java.util.List;
import java.util.Locale;

/**
 * A generic bulk-transfer file for online banking: banks differ in their own layouts, but each import wizard
 * maps named columns like these. A payee is paid to an IBAN (with an optional BIC) or to an account number
 * with the bank's code (routing number, sort code, IFSC…) or BIC.
 */
public final class BankCsv extends CsvExportFormat {

    @Override
    public String id() {
        return "bank";
    }

    @Override
    public String label() {
        return "Bank transfer (CSV)";
    }

    @Override
    public PayoutMethod method() {
        return PayoutMethod.BANK;
    }

    @Override
    List<String> header() {
        return List.of(
                "Payee name",
                "IBAN or account number",
                "BIC or bank code",
                "Country",
                "Amount",
                "Currency",
                "Reference");
    }

    @Override
    void check(PayoutExportLine line, String at, List<FieldProblem> problems) {
        if (line.payeeName().isEmpty()) {
            problems.add(new FieldProblem(at + ".payeeName", "Enter the name on the payee's bank account"));
        }
        if (!line.iban().isEmpty()) {
            if (!BankDetails.isIban(BankDetails.compactIban(line.iban()))) {
                problems.add(new FieldProblem(at + ".iban", line.iban() + " is not a valid IBAN"));
            }
        } else if (line.accountNumber().isEmpty()) {
            problems.add(new FieldProblem(at + ".iban", "Enter the payee's IBAN or account number"));
        } else if (line.bic().isEmpty() && line.bankCode().isEmpty()) {
            problems.add(new FieldProblem(
                    at + ".bankCode",
                    "An account number needs the bank's code (routing number, sort code, IFSC…) or its BIC"));
        }
        if (!line.bic().isEmpty() && !BankDetails.isBic(line.bic())) {
            problems.add(new FieldProblem(at + ".bic", "A BIC has 8 or 11 letters and digits, like DEUTDEFF"));
        }
        if (!BankDetails.isCountry(line.country())) {
            problems.add(new FieldProblem(
                    at + ".country", "Enter the bank's country as a two-letter ISO code, like IN or DE"));
        }
    }

    @Override
    List<Object> row(PayoutExportLine line) {
        return List.of(
                line.payeeName(),
                line.iban().isEmpty() ? line.accountNumber() : BankDetails.compactIban(line.iban()),
                line.bic().isEmpty() ? line.bankCode() : line.bic().toUpperCase(Locale.ROOT),
                line.country().toUpperCase(Locale.ROOT),
                line.amount(),
                line.amount().currencyCode(),
                line.reference());
    }
}
