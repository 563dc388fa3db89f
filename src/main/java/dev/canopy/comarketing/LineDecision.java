package dev.canopy.comarketing;

import dev.canopy.shared.Status;

/** What staff decide on one line of a claim: accepted in full, reduced to a lower amount, or denied. */
public enum LineDecision implements Status {
    ACCEPTED("Accepted"),
    REDUCED("Reduced"),
    DENIED("Denied");

    private final String label;

    LineDecision(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Tone tone() {
        return switch (this) {
            case ACCEPTED -> Tone.DONE;
            case REDUCED -> Tone.NOTED;
            case DENIED -> Tone.STOPPED;
        };
    }
}
