package dev.canopy.programs;

import dev.canopy.shared.Status;

public enum ApplicationStatus implements Status {
    PENDING("Waiting for review"),
    APPROVED("Approved"),
    REJECTED("Rejected");

    private final String label;

    ApplicationStatus(String label) {
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
            case APPROVED -> Tone.DONE;
            case REJECTED -> Tone.ENDED;
        };
    }
}
