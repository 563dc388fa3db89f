package dev.canopy.enablement;

import dev.canopy.audit.AuditLog;
import dev.canopy.enablement.internal.CourseInputs;
import dev.canopy.enablement.internal.CourseTable;
import dev.canopy.enablement.internal.LessonTable;
import dev.canopy.enablement.internal.ProgressTable;
import dev.canopy.enablement.internal.QuizBankTable;
import dev.canopy.enablement.internal.Releases;
import dev.canopy.enablement.internal.ScormImports;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.RichText;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses as staff build them: a title, who they are assigned to (an audience), lessons in order, a quiz's
 * question bank; published when ready, archived when done. Who learned what is {@link CourseReports}' business.
 */
@Service
public class Courses {

    /** A course in the staff list, with how many people started and completed it. */
    public record Listed(CourseView course, long started, long completed) {}

    private final CourseTable courses;
    private final LessonTable lessons;
    private final QuizBankTable questions;
    private final ProgressTable progress;
    private final CourseInputs inputs;
    private final ScormImports packages;
    private final Releases releases;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    Courses(
            CourseTable courses,
            LessonTable lessons,
            QuizBankTable questions,
            ProgressTable progress,
            CourseInputs inputs,
            ScormImports packages,
            Releases releases,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.courses = courses;
        this.lessons = lessons;
        this.questions = questions;
        this.progress = progress;
        this.inputs = inputs;
        this.packages = packages;
        this.releases = releases;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Listed> list(boolean archived) {
        WorkspaceId workspace = currentWorkspace.id();
        List<CourseTable.Row> rows = courses.list(workspace, archived);
        List<UUID> ids = rows.stream().map(CourseTable.Row::id).toList();
        Map<UUID, List<LessonView>> byCourse = lessons.of(workspace, ids);
        Map<UUID, ProgressTable.Counts> counts = progress.counts(workspace, ids);
        return rows.stream()
                .map(row -> {
                    ProgressTable.Counts c = counts.getOrDefault(row.id(), new ProgressTable.Counts(0, 0));
                    return new Listed(row.view(byCourse.getOrDefault(row.id(), List.of())), c.started(), c.completed());
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public CourseView get(UUID id) {
        return view(row(id));
    }

    @Transactional
    public CourseView create(CourseInput input) {
        CourseInputs.Course checked = inputs.check(input);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        courses.insert(
                currentWorkspace.id(),
                new CourseTable.Row(
                        id, checked.title(), checked.description(), checked.audience(), null, null, now, now));
        CourseView view = get(id);
        audit.record("course.created", "course", id, null, view);
        return view;
    }

    @Transactional
    public CourseView update(UUID id, CourseInput input) {
        CourseView before = get(id);
        CourseInputs.Course checked = inputs.check(input);
        courses.update(
                currentWorkspace.id(), id, checked.title(), checked.description(), checked.audience(), clock.instant());
        CourseView after = get(id);
        audit.record("course.updated", "course", id, before, after);
        return after;
    }

    /** Makes a draft course visible to the partners it is assigned to; a course without lessons cannot be. */
    @Transactional
    public CourseView publish(UUID id) {
        CourseView before = get(id);
        if (before.state() != CourseState.DRAFT) {
            throw new ConflictException(
                    "state",
                    "Only a draft course can be published; this one is "
                            + before.state().label().toLowerCase(java.util.Locale.ROOT));
        }
        if (before.lessons().isEmpty()) {
            throw new InvalidInputException("lessons", "Add a lesson before publishing the course");
        }
        for (LessonView lesson : before.lessons()) {
            if (lesson.kind() == LessonKind.QUIZ
                    && lesson.questions() < lesson.quiz().questionCount()) {
                throw new InvalidInputException(
                        "lessons",
                        "The quiz “" + lesson.title() + "” draws "
                                + lesson.quiz().questionCount() + " questions but its bank holds "
                                + lesson.questions());
            }
        }
        CourseView published = state(before, "published_at", clock.instant(), "course.published");
        releases.course(currentWorkspace.id(), published);
        return published;
    }

    /** Back to draft: partners no longer see it; what they learned stays. */
    @Transactional
    public CourseView unpublish(UUID id) {
        return state(get(id), "published_at", null, "course.unpublished");
    }

    @Transactional
    public CourseView archive(UUID id) {
        return state(get(id), "archived_at", clock.instant(), "course.archived");
    }

    @Transactional
    public CourseView restore(UUID id) {
        return state(get(id), "archived_at", null, "course.restored");
    }

    /** Adds a lesson at the end; a SCORM lesson's package is checked and unpacked first. */
    @Transactional
    public LessonView addLesson(UUID courseId, LessonInput input, @Nullable Upload scormPackage) {
        WorkspaceId workspace = currentWorkspace.id();
        courses.lock(workspace, courseId);
        row(courseId);
        CourseInputs.Lesson checked = inputs.check(workspace, input, null);
        LessonView.ScormInfo scorm = null;
        if (checked.kind() == LessonKind.SCORM) {
            if (scormPackage == null) {
                throw new InvalidInputException("file", "Choose the SCORM package (a zip file) to upload");
            }
            scorm = packages.unpack(workspace, scormPackage);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        lessons.insert(workspace, lesson(id, courseId, 0, checked, scorm, now), now);
        LessonView lesson = lesson(id);
        audit.record("course.lesson_added", "lesson", id, null, lesson);
        return lesson;
    }

    /** What a lesson says (a new package replaces a SCORM lesson's; learners' progress stays). */
    @Transactional
    public LessonView updateLesson(UUID id, LessonInput input, @Nullable Upload scormPackage) {
        WorkspaceId workspace = currentWorkspace.id();
        LessonView before = lesson(id);
        CourseInputs.Lesson checked = inputs.check(workspace, input, before.kind());
        LessonView.ScormInfo scorm = before.scorm();
        if (scormPackage != null && before.kind() == LessonKind.SCORM) {
            scorm = packages.unpack(workspace, scormPackage);
        }
        lessons.update(
                workspace,
                lesson(id, before.courseId(), before.position(), checked, scorm, clock.instant()),
                clock.instant());
        LessonView after = lesson(id);
        audit.record("course.lesson_updated", "lesson", id, before, after);
        return after;
    }

    @Transactional
    public void removeLesson(UUID id) {
        LessonView before = lesson(id);
        lessons.remove(currentWorkspace.id(), id, clock.instant());
        audit.record("course.lesson_removed", "lesson", id, before, null);
    }

    /** Moves a lesson one place up ({@code -1}) or down ({@code 1}); at either end it stays. */
    @Transactional
    public void moveLesson(UUID id, int direction) {
        LessonView lesson = lesson(id);
        courses.lock(currentWorkspace.id(), lesson.courseId());
        List<LessonView> all = get(lesson.courseId()).lessons();
        int at = all.indexOf(
                all.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow());
        int to = at + Integer.signum(direction);
        if (to >= 0 && to < all.size()) {
            lessons.swap(currentWorkspace.id(), all.get(at), all.get(to));
        }
    }

    @Transactional(readOnly = true)
    public LessonView lesson(UUID id) {
        return lessons.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Lesson"));
    }

    /** The lesson's Markdown as safe HTML. */
    public String html(LessonView lesson) {
        return RichText.forPage(lesson.body());
    }

    /** A quiz's question bank, right answers included (staff only). */
    @Transactional(readOnly = true)
    public List<QuestionView> questions(UUID lessonId) {
        quiz(lessonId);
        return questions.of(currentWorkspace.id(), lessonId);
    }

    @Transactional
    public QuestionView addQuestion(UUID lessonId, QuestionInput input) {
        quiz(lessonId);
        CourseInputs.Question checked = inputs.check(input);
        UUID id = UUID.randomUUID();
        questions.insert(currentWorkspace.id(), lessonId, id, checked, clock.instant());
        QuestionView question = questions.find(currentWorkspace.id(), id).orElseThrow();
        audit.record("course.question_added", "lesson", lessonId, null, question);
        return question;
    }

    @Transactional
    public void removeQuestion(UUID questionId) {
        QuestionView question =
                questions.find(currentWorkspace.id(), questionId).orElseThrow(() -> new NotFoundException("Question"));
        questions.remove(currentWorkspace.id(), questionId, clock.instant());
        audit.record("course.question_removed", "lesson", question.lessonId(), question, null);
    }

    private LessonView quiz(UUID lessonId) {
        LessonView lesson = lesson(lessonId);
        if (lesson.kind() != LessonKind.QUIZ) {
            throw new NotFoundException("Quiz");
        }
        return lesson;
    }

    private CourseView state(CourseView before, String column, @Nullable Instant value, String action) {
        courses.setState(currentWorkspace.id(), before.id(), column, value, clock.instant());
        CourseView after = get(before.id());
        audit.record(action, "course", before.id(), before.state(), after.state());
        return after;
    }

    private CourseView view(CourseTable.Row row) {
        return row.view(lessons.of(currentWorkspace.id(), List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    private CourseTable.Row row(UUID id) {
        return courses.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Course"));
    }

    private static LessonView lesson(
            UUID id,
            UUID courseId,
            int position,
            CourseInputs.Lesson checked,
            LessonView.@Nullable ScormInfo scorm,
            Instant at) {
        return new LessonView(
                id,
                courseId,
                position,
                checked.title(),
                checked.kind(),
                checked.body(),
                checked.videoUrl(),
                checked.assetId(),
                scorm,
                checked.quiz(),
                0,
                at);
    }
}
