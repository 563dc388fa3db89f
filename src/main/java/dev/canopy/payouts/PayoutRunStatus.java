package dev.canopy.payouts;

/** A run's phase; each is reached once, in this order, or a run that found nothing to pay is closed at once. */
public enum PayoutRunStatus {
    CLAIMING("Preparing"),
    AWAITING_APPROVAL("Awaiting approval"),
    APPROVED("Approved"),
    EXPORTED("Exported"),
    PAID("Paid"),
    NOTHING_TO_PAY("Nothing to pay");

    private final String label;

    PayoutRunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Done: no other run can start while a run is not. */
    public boolean closed() {
        return this == PAID || this == NOTHING_TO_PAY;
    }
}
