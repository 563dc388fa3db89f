package dev.canopy.payouts.internal;

import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A tax invoice that the recipient of a service (the vendor) issues on behalf of its supplier (the partner),
 * under a self-billing agreement. Its sums are checked to add up: the lines make the taxable value, and the
 * taxable value plus CGST, SGST and IGST make the total.
 */
public record SelfBilledInvoice(
        String number,
        LocalDate issuedOn,
        Party supplier,
        Party recipient,
        List<InvoiceLine> lines,
        Money taxableValue,
        BigDecimal gstRate,
        Money cgst,
        Money sgst,
        Money igst,
        Money total,
        Money tdsWithheld,
        String placeOfSupply) {

    public SelfBilledInvoice {
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(gstRate, "gstRate");
        lines = List.copyOf(lines);
        Money sum = lines.stream().map(InvoiceLine::amount).reduce(Money.zero(taxableValue.currency()), Money::plus);
        if (!sum.equals(taxableValue)) {
            throw new IllegalArgumentException(
                    "the lines add up to " + sum + ", not the taxable value " + taxableValue);
        }
        if (!taxableValue.plus(cgst).plus(sgst).plus(igst).equals(total)) {
            throw new IllegalArgumentException("total " + total + " is not the taxable value plus CGST, SGST and IGST");
        }
        if (!tdsWithheld.currency().equals(total.currency())) {
            throw new IllegalArgumentException("TDS " + tdsWithheld + " is not in the invoice's currency");
        }
    }

    /** What the supplier receives: the total less the TDS paid to the government on its behalf. */
    public Money amountPaid() {
        return total.minus(tdsWithheld);
    }
}
