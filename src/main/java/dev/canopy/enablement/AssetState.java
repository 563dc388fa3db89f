package dev.canopy.enablement;

import dev.canopy.shared.Status;
import java.time.Instant;

/** Where an asset stands for partners, read from the clock: never stored, so nothing has to flip it. */
public enum AssetState implements Status {
    SCHEDULED("Scheduled", Tone.NOTED),
    LIVE("Live", Tone.DONE),
    EXPIRED("Expired", Tone.ENDED),
    ARCHIVED("Archived", Tone.ENDED);

    private final String label;
    private final Tone tone;

    AssetState(String label, Tone tone) {
        this.label = label;
        this.tone = tone;
    }

    public static AssetState of(Instant publishFrom, Instant expireOn, Instant archivedAt, Instant now) {
        if (archivedAt != null) {
            return ARCHIVED;
        }
        if (expireOn != null && !now.isBefore(expireOn)) {
            return EXPIRED;
        }
        if (publishFrom != null && now.isBefore(publishFrom)) {
            return SCHEDULED;
        }
        return LIVE;
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
