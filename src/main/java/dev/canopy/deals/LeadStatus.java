package dev.canopy.deals;

import dev.canopy.shared.Status;

/** Where a lead stands: offered to a partner who has to answer, taken, or with nobody left to offer it to. */
public enum LeadStatus implements Status {
    OFFERED("Offered"),
    ACCEPTED("Accepted"),
    UNASSIGNED("No partner left");

    private final String label;

    LeadStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Tone tone() {
        return switch (this) {
            case OFFERED -> Tone.UNDER_WAY;
            case ACCEPTED -> Tone.DONE;
            case UNASSIGNED -> Tone.ENDED;
        };
    }
}
