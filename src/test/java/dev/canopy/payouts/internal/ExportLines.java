package dev.canopy.payouts.internal;

import dev.canopy.shared.Money;
import java.nio.charset.StandardCharsets;

/** Payment lines for the export format tests: only what each method uses is filled in. */
final class ExportLines {

    private ExportLines() {}

    static PayoutExportLine bank(
            String reference,
            String payee,
            String iban,
            String bic,
            String account,
            String bankCode,
            String country,
            Money amount) {
        return new PayoutExportLine(
                reference,
                payee,
                payee,
                PayoutMethod.BANK,
                "",
                iban,
                bic,
                account,
                bankCode,
                country,
                amount,
                amount.currencyCode());
    }

    static PayoutExportLine paypal(String reference, String email, Money amount) {
        return new PayoutExportLine(
                reference,
                "Bluebird Consulting",
                "",
                PayoutMethod.PAYPAL,
                email,
                "",
                "",
                "",
                "",
                "",
                amount,
                amount.currencyCode());
    }

    static PayoutExportLine wise(
            String reference,
            String partner,
            String payee,
            String email,
            String iban,
            String account,
            String sortCode,
            Money amount) {
        return new PayoutExportLine(
                reference,
                partner,
                payee,
                PayoutMethod.WISE,
                email,
                iban,
                "",
                account,
                sortCode,
                "",
                amount,
                amount.currencyCode());
    }

    static String text(byte[] file) {
        return new String(file, StandardCharsets.UTF_8);
    }
}
