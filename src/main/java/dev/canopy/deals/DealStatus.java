package dev.canopy.deals;

/** Where a registration stands: waiting for review, protected, or ended one way or another. */
public enum DealStatus {
    PENDING("Waiting for review"),
    APPROVED("Approved, protected"),
    REJECTED("Rejected"),
    EXPIRED("Protection expired"),
    WON("Won"),
    LOST("Lost");

    private final String label;

    DealStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Pending or approved: the account is being worked. */
    public boolean open() {
        return this == PENDING || this == APPROVED;
    }
}
