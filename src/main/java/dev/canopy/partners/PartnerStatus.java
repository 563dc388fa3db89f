package dev.canopy.partners;

import dev.canopy.shared.Status;

/** Where a partner company stands with the vendor. See {@code PartnerLifecycle} for the moves between. */
public enum PartnerStatus implements Status {
    INVITED("Invited"),
    APPLIED("Applied"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    ACTIVE("Active"),
    SUSPENDED("Suspended"),
    BANNED("Banned"),
    ARCHIVED("Archived");

    private final String label;

    PartnerStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Tone tone() {
        return switch (this) {
            case ACTIVE -> Tone.DONE;
            case APPLIED, INVITED, APPROVED -> Tone.NOTED;
            case SUSPENDED -> Tone.WAITING;
            case BANNED, REJECTED -> Tone.STOPPED;
            case ARCHIVED -> Tone.ENDED;
        };
    }
}
