package dev.canopy.payouts;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import java.util.List;

/**
 * A partner in the 1099 report: its tax details (the TIN and address a 1099 is filed with), what it was paid in the year (converted payments summed in the
 * report's currency), every payment, and the flag that says what to do.
 */
public record Form1099Row(
        PartnerId partner,
        String partnerName,
        String legalName,
        String taxId,
        String address,
        String country,
        UsTaxForm form,
        Money paid,
        List<Form1099Payment> payments,
        Form1099Flag flag) {

    /** Payments in another currency that were converted: what the total's conversions rest on. */
    public List<Form1099Payment> conversions() {
        return payments.stream().filter(p -> p.rate() != null).toList();
    }

    /** Payments no rate converts: the total leaves them out and says so. */
    public List<Form1099Payment> unconverted() {
        return payments.stream().filter(p -> !p.isConverted()).toList();
    }
}
