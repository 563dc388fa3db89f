package dev.canopy.payouts;

import dev.canopy.partners.PartnerId;
import java.time.Instant;

/** Where a partner is paid: a bank account, a PayPal or a Wise email. */
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
        Instant updatedAt,
        String updatedBy) {}
