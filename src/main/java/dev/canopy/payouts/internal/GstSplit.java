package dev.canopy.payouts.internal;

import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * GST on a supply, split as the law asks: within one state half the rate is central tax (CGST) and half state
 * tax (SGST); between states the whole rate is integrated tax (IGST). For services between registered
 * businesses the place of supply is the recipient's registration, so comparing the two GSTINs' state codes
 * decides. The rate is data (18 % for commission services today), and each tax is rounded on its own through
 * {@link Money}, as each is paid on its own.
 */
public record GstSplit(Money cgst, Money sgst, Money igst) {

    public GstSplit {
        Objects.requireNonNull(cgst, "cgst");
        Objects.requireNonNull(sgst, "sgst");
        Objects.requireNonNull(igst, "igst");
    }

    /** The GST a {@code supplier} charges a {@code recipient} on {@code taxableValue} at {@code ratePercent}. */
    public static GstSplit of(Gstin supplier, Gstin recipient, Money taxableValue, BigDecimal ratePercent) {
        Money zero = Money.zero(taxableValue.currency());
        if (supplier.stateCode().equals(recipient.stateCode())) {
            Money half = taxableValue.percent(ratePercent.divide(BigDecimal.TWO));
            return new GstSplit(half, half, zero);
        }
        return new GstSplit(zero, zero, taxableValue.percent(ratePercent));
    }

    public Money total() {
        return cgst.plus(sgst).plus(igst);
    }
}
