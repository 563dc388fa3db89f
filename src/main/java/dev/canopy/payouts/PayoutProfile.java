package dev.canopy.payouts;

import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.internal.PayoutMethod;
import java.time.Instant;

/**
 * Where a partner is paid: a bank account, a PayPal or a Wise email; and in which currency, when not in the
 * one it earned ({@code payoutCurrency}, an ISO 4217 code, or null).
 */
public record PayoutProfile(
        PartnerId partner,
        String method,
        String payeeName,
        String email,
        String iban,
        String bic,
        String accountNumber,
        String bankCode,
        String country,
        String payoutCurrency,
        Instant updatedAt,
        String updatedBy) {

    /** Enough of the account for staff to recognize it, not to pay into it: "DE89 •••• 3000". */
    public String maskedAccount() {
        if (iban != null) {
            return iban.substring(0, 4) + " •••• " + iban.substring(iban.length() - 4);
        }
        if (accountNumber != null) {
            return "•••• " + accountNumber.substring(Math.max(0, accountNumber.length() - 4));
        }
        return email;
    }

    public String methodLabel() {
        return PayoutMethod.valueOf(method).label();
    }
}
