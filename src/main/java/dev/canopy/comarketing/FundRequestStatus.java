package dev.canopy.comarketing;

import dev.canopy.shared.Status;

/** Where a request for funds stands: waiting for staff, approved (funds reserved), rejected or withdrawn. */
public enum FundRequestStatus implements Status {
    SUBMITTED("Waiting for approval"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    CANCELLED("Withdrawn");

    private final String label;

    FundRequestStatus(String label) {
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
            case APPROVED -> Tone.DONE;
            case REJECTED -> Tone.STOPPED;
            case CANCELLED -> Tone.ENDED;
        };
    }
}
