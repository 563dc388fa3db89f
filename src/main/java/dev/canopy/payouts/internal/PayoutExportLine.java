package dev.canopy.payouts.internal;

import dev.canopy.shared.Money;
import java.util.Objects;

/**
 * One payment in a bulk-payment file. {@code reference} is the payout's idempotent id (like
 * {@code CNP-7F3A2B1C-0001}): the bank, PayPal or Wise shows it back, so a file uploaded twice is spotted and
 * each payment is matched to its payout. Payee details are optional here; each {@link ExportFormat} refuses a
 * line that lacks what it needs. Text is stripped and a missing value is an empty string. {@code amount} is
 * what the payee receives, in its payout currency; {@code sourceCurrency} is the currency the payment is
 * funded from: the one the commissions were earned (and are owed in the ledger) in.
 */
public record PayoutExportLine(
        String reference,
        String partnerName,
        String payeeName,
        PayoutMethod method,
        String email,
        String iban,
        String bic,
        String accountNumber,
        String bankCode,
        String country,
        Money amount,
        String sourceCurrency) {

    public PayoutExportLine {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(sourceCurrency, "sourceCurrency");
        reference = clean(reference);
        partnerName = clean(partnerName);
        payeeName = clean(payeeName);
        email = clean(email);
        iban = clean(iban);
        bic = clean(bic);
        accountNumber = clean(accountNumber);
        bankCode = clean(bankCode);
        country = clean(country);
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
