package dev.canopy.payouts.internal;

import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import java.util.List;

/**
 * Wise's batch payment template (at most 1,000 transfers per file), with the columns of its "send to bank
 * accounts" and "send by email" templates. A payee is paid to an IBAN, for GBP to a UK account number and sort
 * code, or else by email (Wise then asks the payee for their bank details). The amount is fixed on the target
 * side ({@code amountCurrency = target}), so the partner receives exactly the payout and the fees fall on the
 * payer, funded from its balance in the currency the commissions were earned in ({@code sourceCurrency}): a
 * partner paid in its own currency is converted by Wise from that balance.
 */
public final class WiseBatchCsv extends CsvExportFormat {

    @Override
    public String id() {
        return "wise";
    }

    @Override
    public String label() {
        return "Wise batch payment (CSV)";
    }

    @Override
    public PayoutMethod method() {
        return PayoutMethod.WISE;
    }

    @Override
    List<String> header() {
        return List.of(
                "name",
                "recipientEmail",
                "paymentReference",
                "receiverType",
                "amountCurrency",
                "amount",
                "sourceCurrency",
                "targetCurrency",
                "IBAN",
                "accountNumber",
                "sortCode");
    }

    @Override
    int maxLines() {
        return 1_000;
    }

    @Override
    void check(PayoutExportLine line, String at, List<FieldProblem> problems) {
        if (line.payeeName().isEmpty()) {
            problems.add(new FieldProblem(at + ".payeeName", "Enter the name on the payee's bank account"));
        }
        if (!line.email().isEmpty() && EmailAddress.parse(line.email()).isEmpty()) {
            problems.add(new FieldProblem(at + ".email", line.email() + " is not an email address"));
        }
        if (!line.iban().isEmpty()) {
            if (!BankDetails.isIban(BankDetails.compactIban(line.iban()))) {
                problems.add(new FieldProblem(at + ".iban", line.iban() + " is not a valid IBAN"));
            }
        } else if (isUkAccount(line)) {
            if (!sortCode(line).matches("[0-9]{6}")) {
                problems.add(new FieldProblem(at + ".bankCode", "A UK sort code has 6 digits, like 40-47-84"));
            }
            if (!line.accountNumber().matches("[0-9]{8}")) {
                problems.add(new FieldProblem(at + ".accountNumber", "A UK account number has 8 digits"));
            }
        } else if (line.email().isEmpty()) {
            problems.add(new FieldProblem(
                    at + ".email",
                    "Wise needs the payee's IBAN, for GBP a UK account number and sort code, or else their email"
                            + " (Wise then asks them for their bank details)"));
        }
    }

    @Override
    List<Object> row(PayoutExportLine line) {
        boolean uk = line.iban().isEmpty() && isUkAccount(line);
        return List.of(
                line.payeeName(),
                EmailAddress.parse(line.email()).map(EmailAddress::value).orElse(""),
                line.reference(),
                receiverType(line),
                "target",
                line.amount(),
                line.sourceCurrency(),
                line.amount().currencyCode(),
                line.iban().isEmpty() ? "" : BankDetails.compactIban(line.iban()),
                uk ? line.accountNumber() : "",
                uk ? sortCode(line) : "");
    }

    /**
     * Wise checks the name against the account holder's type. The partner company paid in its own name is a
     * business; a differently named payee is a person paid for the partner (an affiliate, a sole trader).
     */
    private static String receiverType(PayoutExportLine line) {
        return line.payeeName().equalsIgnoreCase(line.partnerName()) ? "BUSINESS" : "PERSON";
    }

    private static boolean isUkAccount(PayoutExportLine line) {
        return line.amount().currencyCode().equals("GBP")
                && !line.accountNumber().isEmpty();
    }

    private static String sortCode(PayoutExportLine line) {
        return line.bankCode().replaceAll("[-\\s]", "");
    }
}
