package dev.canopy.enablement;

import dev.canopy.shared.Status;
import java.time.Instant;

/** A draft is seen by staff only; a published course by the partners it is assigned to; an archived by no one. */
public enum CourseState implements Status {
    DRAFT("Draft", Tone.NOTED),
    PUBLISHED("Published", Tone.DONE),
    ARCHIVED("Archived", Tone.ENDED);

    private final String label;
    private final Tone tone;

    CourseState(String label, Tone tone) {
        this.label = label;
        this.tone = tone;
    }

    public static CourseState of(Instant publishedAt, Instant archivedAt) {
        if (archivedAt != null) {
            return ARCHIVED;
        }
        return publishedAt == null ? DRAFT : PUBLISHED;
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
