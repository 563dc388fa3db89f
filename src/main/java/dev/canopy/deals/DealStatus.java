package dev.canopy.deals;

import dev.canopy.shared.Status;

/** Where a registration stands: waiting for review, protected, or ended one way or another. */
public enum DealStatus implements Status {
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

    @Override
    public String label() {
        return label;
    }

    @Override
    public Tone tone() {
        return switch (this) {
            case PENDING -> Tone.WAITING;
            case APPROVED -> Tone.UNDER_WAY;
            case WON -> Tone.DONE;
            case REJECTED, EXPIRED, LOST -> Tone.ENDED;
        };
    }

    /** Pending or approved: the account is being worked. */
    public boolean open() {
        return this == PENDING || this == APPROVED;
    }
}
