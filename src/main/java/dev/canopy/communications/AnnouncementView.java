package dev.canopy.communications;

import dev.canopy.enablement.Audience;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An announcement as staff and partners read it; {@code state} is as of when it was read. */
public record AnnouncementView(
        UUID id,
        String title,
        String body,
        boolean pinned,
        @Nullable Instant publishAt,
        @Nullable Instant expiresAt,
        Audience audience,
        AnnouncementState state,
        @Nullable Instant publishedAt,
        @Nullable Instant archivedAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /** When partners first saw it: its publish date, or when it was published. */
    public @Nullable Instant shownFrom() {
        if (publishedAt == null) {
            return null;
        }
        return publishAt != null && publishAt.isAfter(publishedAt) ? publishAt : publishedAt;
    }
}
