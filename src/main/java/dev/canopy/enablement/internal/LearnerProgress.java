package dev.canopy.enablement.internal;

import dev.canopy.enablement.CourseCompleted;
import dev.canopy.enablement.CourseView;
import dev.canopy.enablement.LessonView;
import dev.canopy.enablement.ProgressStatus;
import dev.canopy.enablement.Viewer;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The signed-in partner user as a learner: the courses assigned to their company (anything else is 404, as if it
 * did not exist), and their progress recorded lesson by lesson; the lesson that finishes a course completes it,
 * which is told once ({@link CourseCompleted}) and may earn a certification.
 */
@Component
public class LearnerProgress {

    /** A lesson the learner may open, with its course. */
    public record Opened(CourseView course, LessonView lesson) {}

    private final CourseTable courses;
    private final LessonTable lessons;
    private final ProgressTable progress;
    private final Viewers viewers;
    private final CurrentWorkspace currentWorkspace;
    private final ApplicationEventPublisher events;
    private final CertificateIssuer issuer;
    private final Clock clock;

    LearnerProgress(
            CourseTable courses,
            LessonTable lessons,
            ProgressTable progress,
            Viewers viewers,
            CurrentWorkspace currentWorkspace,
            ApplicationEventPublisher events,
            CertificateIssuer issuer,
            Clock clock) {
        this.courses = courses;
        this.lessons = lessons;
        this.progress = progress;
        this.viewers = viewers;
        this.currentWorkspace = currentWorkspace;
        this.events = events;
        this.issuer = issuer;
        this.clock = clock;
    }

    public Viewer viewer() {
        return viewers.current().orElseThrow(() -> new NotFoundException("Course"));
    }

    public UsageTable.Person person() {
        return viewers.person();
    }

    /** The course, if it is assigned to the learner's company now. */
    public CourseView course(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        CourseTable.Row row = courses.findAssigned(workspace, id, viewer(), clock.instant())
                .orElseThrow(() -> new NotFoundException("Course"));
        return row.view(lessons.of(workspace, List.of(id)).getOrDefault(id, List.of()));
    }

    /** A lesson of an assigned course. */
    public Opened lesson(UUID id) {
        LessonView lesson = lessons.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Lesson"));
        CourseView course;
        try {
            course = course(lesson.courseId());
        } catch (NotFoundException e) {
            throw new NotFoundException("Lesson");
        }
        return new Opened(course, lesson);
    }

    /** Records the learner's standing in the lesson (enrolling them in its course), then completes the course. */
    public void record(LessonView lesson, ProgressStatus status, @Nullable BigDecimal score, @Nullable String cmi) {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId partner = viewer().partner();
        UsageTable.Person person = person();
        Instant now = clock.instant();
        // One person's progress is written one lesson at a time: two courses finished at once in two tabs must each
        // see the other's completion when they check what it earns.
        progress.lockPerson(person.id());
        progress.enrol(workspace, lesson.courseId(), partner, person, now);
        progress.record(workspace, lesson.id(), lesson.courseId(), partner, person.id(), status, score, cmi, now);
        if (status.done() && progress.completeIfDone(workspace, lesson.courseId(), person.id(), now)) {
            CourseTable.Row course = courses.find(workspace, lesson.courseId()).orElseThrow();
            events.publishEvent(new CourseCompleted(
                    workspace, course.id(), course.title(), partner, person.id(), person.name(), now));
            issuer.courseCompleted(workspace, course.id(), partner, person, now);
        }
    }
}
