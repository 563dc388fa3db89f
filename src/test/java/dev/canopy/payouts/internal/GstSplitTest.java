package dev.canopy.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.shared.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GstSplitTest {

    private static final Gstin KARNATAKA_SUPPLIER = Gstin.parse("29AABCZ1234A1ZQ", "supplier");
    private static final Gstin KARNATAKA_RECIPIENT = Gstin.parse("29AAGCB7383J1Z4", "recipient");
    private static final Gstin MAHARASHTRA_RECIPIENT = Gstin.parse("27AAPFU0939F1ZV", "recipient");
    private static final BigDecimal EIGHTEEN = new BigDecimal("18");

    @Test
    void withinOneStateHalfTheRateIsCentralAndHalfStateTax() {
        GstSplit split = GstSplit.of(KARNATAKA_SUPPLIER, KARNATAKA_RECIPIENT, inr("180000"), EIGHTEEN);

        assertThat(split).isEqualTo(new GstSplit(inr("16200"), inr("16200"), inr("0")));
        assertThat(split.total()).isEqualTo(inr("32400"));
    }

    @Test
    void betweenStatesTheWholeRateIsIntegratedTax() {
        GstSplit split = GstSplit.of(KARNATAKA_SUPPLIER, MAHARASHTRA_RECIPIENT, inr("180000"), EIGHTEEN);

        assertThat(split).isEqualTo(new GstSplit(inr("0"), inr("0"), inr("32400")));
    }

    @Test
    void theRateIsDataAndEachHalfIsRoundedOnItsOwn() {
        assertThat(GstSplit.of(KARNATAKA_SUPPLIER, KARNATAKA_RECIPIENT, inr("100.05"), EIGHTEEN))
                .isEqualTo(new GstSplit(inr("9.00"), inr("9.00"), inr("0")));
        assertThat(GstSplit.of(KARNATAKA_SUPPLIER, MAHARASHTRA_RECIPIENT, inr("100.05"), EIGHTEEN))
                .isEqualTo(new GstSplit(inr("0"), inr("0"), inr("18.01")));
        assertThat(GstSplit.of(KARNATAKA_SUPPLIER, KARNATAKA_RECIPIENT, inr("1000"), new BigDecimal("5")))
                .isEqualTo(new GstSplit(inr("25"), inr("25"), inr("0")));
    }

    private static Money inr(String amount) {
        return Money.of(amount, "INR");
    }
}
