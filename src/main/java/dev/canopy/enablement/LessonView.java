package dev.canopy.enablement;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One lesson of a course, in its place. A video has an embed link ({@code videoUrl}, already the player's
 * address) or a library file ({@code assetId}); a file lesson a library file; a SCORM lesson its package; a quiz
 * its rules and the size of its bank.
 */
public record LessonView(
        UUID id,
        UUID courseId,
        int position,
        String title,
        LessonKind kind,
        String body,
        @Nullable String videoUrl,
        @Nullable UUID assetId,
        @Nullable ScormInfo scorm,
        @Nullable QuizRules quiz,
        int questions,
        Instant updatedAt) {

    /** A package as it was imported: its standard, the key it is served under and the file it opens first. */
    public record ScormInfo(String version, String key, String launch) {

        public String label() {
            return version.equals("SCORM_12") ? "SCORM 1.2" : "SCORM 2004";
        }
    }
}
