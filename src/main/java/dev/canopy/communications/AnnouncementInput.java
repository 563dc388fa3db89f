package dev.canopy.communications;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An announcement as a form or the API sends it, every value still text: a title, a Markdown body, whether it is
 * pinned to the portal's home, when it shows (from publishAt until expiresAt, ISO instants or dates; both optional)
 * and its segment, in the audience fields of enablement's assets and courses.
 */
public record AnnouncementInput(
        @Nullable String title,
        @Nullable String body,
        boolean pinned,
        @Nullable String publishAt,
        @Nullable String expiresAt,
        @Nullable String match,
        @Nullable List<String> programIds,
        @Nullable List<String> tierIds,
        @Nullable List<String> partnerTypes,
        @Nullable List<String> regions,
        @Nullable List<String> partnerIds) {}
