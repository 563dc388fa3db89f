package dev.canopy.payouts.internal;

/** How a partner is paid; each method has its own bulk-payment file. */
public enum PayoutMethod {
    BANK("Bank transfer"),
    PAYPAL("PayPal"),
    WISE("Wise");

    private final String label;

    PayoutMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
