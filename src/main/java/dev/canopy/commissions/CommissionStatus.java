package dev.canopy.commissions;

/** Where a commission stands. PAID, DECLINED, REVERSED and RECORDED are final. */
public enum CommissionStatus {
    PENDING("Pending"),
    HELD("Held for review"),
    APPROVED("Approved"),
    IN_PAYOUT("In a payout"),
    PAID("Paid"),
    DECLINED("Declined"),
    REVERSED("Reversed"),
    /** A reseller margin: recorded and reported, not paid out. */
    RECORDED("Recorded (margin)");

    private final String label;

    CommissionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
