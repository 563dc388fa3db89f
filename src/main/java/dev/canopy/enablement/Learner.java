package dev.canopy.enablement;

import dev.canopy.partners.PartnerId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A partner user who started a course: how many of its lessons they finished, and when they completed it. */
public record Learner(
        UUID personId,
        String person,
        PartnerId partner,
        String partnerName,
        int lessonsDone,
        Instant startedAt,
        @Nullable Instant completedAt) {}
