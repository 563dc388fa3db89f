package dev.canopy.payouts.internal;

import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import java.util.List;

/**
 * The payment file of PayPal Payouts Web: no header row; per payment the recipient's PayPal email, the amount,
 * the currency, a customer id of at most 30 characters without spaces (our reference), a note to the recipient
 * and the wallet ({@code PAYPAL}). PayPal takes one currency and at most 5,000 payments per file.
 */
public final class PayPalPayoutsCsv extends CsvExportFormat {

    @Override
    public String id() {
        return "paypal";
    }

    @Override
    public String label() {
        return "PayPal Payouts (CSV)";
    }

    @Override
    public PayoutMethod method() {
        return PayoutMethod.PAYPAL;
    }

    @Override
    List<String> header() {
        return List.of();
    }

    @Override
    int maxLines() {
        return 5_000;
    }

    @Override
    void check(PayoutExportLine line, String at, List<FieldProblem> problems) {
        if (line.email().isEmpty()) {
            problems.add(new FieldProblem(at + ".email", "PayPal pays to the payee's PayPal email: enter it"));
        } else if (EmailAddress.parse(line.email()).isEmpty()) {
            problems.add(new FieldProblem(at + ".email", line.email() + " is not an email address"));
        }
        if (line.reference().length() > 30 || line.reference().chars().anyMatch(Character::isWhitespace)) {
            problems.add(new FieldProblem(
                    at + ".reference", "PayPal takes a reference of at most 30 characters, without spaces"));
        }
    }

    @Override
    void checkFile(List<PayoutExportLine> lines, List<FieldProblem> problems) {
        String currency = lines.getFirst().amount().currencyCode();
        for (int i = 1; i < lines.size(); i++) {
            String other = lines.get(i).amount().currencyCode();
            if (!other.equals(currency)) {
                problems.add(new FieldProblem(
                        "lines[" + i + "].amount",
                        "PayPal takes one currency per file: this payment is in " + other + ", the file in "
                                + currency));
            }
        }
    }

    @Override
    List<Object> row(PayoutExportLine line) {
        return List.of(
                EmailAddress.parse(line.email()).orElseThrow().value(),
                line.amount(),
                line.amount().currencyCode(),
                line.reference(),
                "Partner payout " + line.reference(),
                "PAYPAL");
    }
}
