package dev.canopy.enablement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A course: what it teaches, who it is assigned to (its audience), its state and its lessons in order. */
public record CourseView(
        UUID id,
        String title,
        String description,
        Audience audience,
        CourseState state,
        List<LessonView> lessons,
        Instant createdAt,
        Instant updatedAt) {

    public CourseView {
        lessons = List.copyOf(lessons);
    }
}
