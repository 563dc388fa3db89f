package dev.canopy.comarketing;

import dev.canopy.shared.Status;

/** A claim waits for review, is approved (owed, then paid through a payout run) or rejected. */
public enum ClaimStatus implements Status {
    SUBMITTED("Waiting for review"),
    APPROVED("Approved, to be paid"),
    REJECTED("Rejected"),
    PAID("Paid");

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Tone tone() {
        return switch (this) {
            case SUBMITTED -> Tone.WAITING;
            case APPROVED -> Tone.UNDER_WAY;
            case REJECTED -> Tone.STOPPED;
            case PAID -> Tone.DONE;
        };
    }
}
