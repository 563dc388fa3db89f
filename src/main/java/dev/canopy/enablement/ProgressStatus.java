package dev.canopy.enablement;

import dev.canopy.shared.Status;

/** Where a learner stands in one lesson; completed and passed count as done, failed asks for another go. */
public enum ProgressStatus implements Status {
    STARTED("Started", Tone.UNDER_WAY),
    COMPLETED("Completed", Tone.DONE),
    PASSED("Passed", Tone.DONE),
    FAILED("Failed", Tone.STOPPED);

    private final String label;
    private final Tone tone;

    ProgressStatus(String label, Tone tone) {
        this.label = label;
        this.tone = tone;
    }

    public boolean done() {
        return this == COMPLETED || this == PASSED;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Tone tone() {
        return tone;
    }
}
