package dev.canopy.enablement;

import org.jspecify.annotations.Nullable;

/**
 * A lesson as a form or the API sends it, every value still text. {@code body} is Markdown (the lesson itself for
 * a reading, an introduction otherwise); a video is an embed link or a video file from the library
 * ({@code assetId}), a file lesson a library file; a quiz's rules say how many questions an attempt draws from
 * its bank, the pass mark in percent, how many attempts (0 or blank: no limit), the minutes to wait between two
 * and an optional time limit in minutes. A SCORM package comes as an upload beside this.
 */
public record LessonInput(
        String kind,
        String title,
        @Nullable String body,
        @Nullable String videoUrl,
        @Nullable String assetId,
        @Nullable String questionCount,
        @Nullable String passPercent,
        @Nullable String attemptsAllowed,
        @Nullable String cooldownMinutes,
        @Nullable String timeLimitMinutes) {}
