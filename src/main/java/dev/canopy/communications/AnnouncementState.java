package dev.canopy.communications;

import dev.canopy.shared.Status;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Where an announcement stands, computed from its dates and the clock (a read never writes a state). */
public enum AnnouncementState implements Status {
    DRAFT("Draft", Tone.WAITING),
    SCHEDULED("Scheduled", Tone.NOTED),
    LIVE("Live", Tone.DONE),
    EXPIRED("Expired", Tone.ENDED),
    ARCHIVED("Archived", Tone.ENDED);

    private final String label;
    private final Tone tone;

    AnnouncementState(String label, Tone tone) {
        this.label = label;
        this.tone = tone;
    }

    static AnnouncementState of(
            @Nullable Instant publishedAt,
            @Nullable Instant publishAt,
            @Nullable Instant expiresAt,
            @Nullable Instant archivedAt,
            Instant now) {
        if (archivedAt != null) {
            return ARCHIVED;
        }
        if (publishedAt == null) {
            return DRAFT;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        return publishAt != null && now.isBefore(publishAt) ? SCHEDULED : LIVE;
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
