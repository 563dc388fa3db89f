package dev.canopy.commissions;

/** How long a customer keeps earning its partner a payment rule's commission, from its first payment. */
public enum CommissionDuration {
    ONCE("Once"),
    MONTHS("For N months"),
    LIFETIME("Lifetime");

    private final String label;

    CommissionDuration(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
