package dev.canopy.enablement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One learner's standing in one lesson: its status, a score in percent when the lesson scores, when it was done. */
public record LessonProgress(
        UUID lessonId,
        ProgressStatus status,
        @Nullable BigDecimal score,
        @Nullable Instant completedAt) {}
