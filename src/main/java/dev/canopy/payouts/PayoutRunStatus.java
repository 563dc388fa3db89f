package dev.canopy.payouts;

/** A run's phase; each is reached once, in this order. */
public enum PayoutRunStatus {
    CLAIMING("Preparing"),
    AWAITING_APPROVAL("Awaiting approval"),
    APPROVED("Approved"),
    EXPORTED("Exported"),
    PAID("Paid");

    private final String label;

    PayoutRunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
