package dev.canopy.enablement;

import dev.canopy.enablement.internal.AssetTable;
import dev.canopy.enablement.internal.ContentStore;
import dev.canopy.enablement.internal.CourseTable;
import dev.canopy.enablement.internal.FileInspector;
import dev.canopy.enablement.internal.LearnerProgress;
import dev.canopy.enablement.internal.LessonTable;
import dev.canopy.enablement.internal.ProgressTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.RichText;
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
 * The portal's learning: the courses assigned to the partner user's company (published, and its audience admits
 * the company now: a tier change brings the new tier's courses at once), each lesson, and the learner's progress.
 * A reading, a video or a file is done when the learner says so; packages and quizzes say it themselves
 * ({@link ScormPlayer}, {@link Quizzes}).
 */
@Service
public class Learning {

    /** A course as the learner stands in it. */
    public record MyCourse(
            CourseView course,
            Map<UUID, LessonProgress> progress,
            int lessonsDone,
            @Nullable Instant completedAt) {

        public int percent() {
            return course.lessons().isEmpty()
                    ? 0
                    : lessonsDone * 100 / course.lessons().size();
        }

        public @Nullable LessonProgress of(LessonView lesson) {
            return progress.get(lesson.id());
        }

        /** The first lesson the learner has not done; none once every lesson is. */
        public @Nullable LessonView upNext() {
            return course.lessons().stream()
                    .filter(l -> of(l) == null || !of(l).status().done())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A lesson opened: its course with the learner's progress, and the lessons before and after it. */
    public record MyLesson(
            MyCourse course,
            LessonView lesson,
            @Nullable LessonView previous,
            @Nullable LessonView next) {

        public @Nullable LessonProgress progress() {
            return course.of(lesson);
        }
    }

    private final LearnerProgress learner;
    private final CourseTable courses;
    private final LessonTable lessons;
    private final ProgressTable progress;
    private final AssetTable assets;
    private final ContentStore store;
    private final CurrentWorkspace currentWorkspace;
    private final Clock clock;

    Learning(
            LearnerProgress learner,
            CourseTable courses,
            LessonTable lessons,
            ProgressTable progress,
            AssetTable assets,
            ContentStore store,
            CurrentWorkspace currentWorkspace,
            Clock clock) {
        this.learner = learner;
        this.courses = courses;
        this.lessons = lessons;
        this.progress = progress;
        this.assets = assets;
        this.store = store;
        this.currentWorkspace = currentWorkspace;
        this.clock = clock;
    }

    /** The courses assigned to the learner's company, with how far the learner got in each. */
    @Transactional(readOnly = true)
    public List<MyCourse> courses() {
        WorkspaceId workspace = currentWorkspace.id();
        List<CourseTable.Row> rows = courses.assigned(workspace, learner.viewer(), clock.instant());
        List<UUID> ids = rows.stream().map(CourseTable.Row::id).toList();
        Map<UUID, List<LessonView>> byCourse = lessons.of(workspace, ids);
        Map<UUID, ProgressTable.Mine> mine =
                progress.mine(workspace, learner.person().id(), ids);
        return rows.stream()
                .map(row -> {
                    ProgressTable.Mine m = mine.get(row.id());
                    return new MyCourse(
                            row.view(byCourse.getOrDefault(row.id(), List.of())),
                            Map.of(),
                            m == null ? 0 : m.lessonsDone(),
                            m == null ? null : m.completedAt());
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public MyCourse course(UUID id) {
        return mine(learner.course(id));
    }

    /** A lesson of an assigned course; opening a reading, video or file counts as starting it. */
    @Transactional
    public MyLesson lesson(UUID id) {
        LearnerProgress.Opened opened = learner.lesson(id);
        LessonView lesson = opened.lesson();
        if (lesson.kind() == LessonKind.TEXT || lesson.kind() == LessonKind.VIDEO || lesson.kind() == LessonKind.FILE) {
            learner.record(lesson, ProgressStatus.STARTED, null, null);
        }
        List<LessonView> all = opened.course().lessons();
        int at = all.stream().map(LessonView::id).toList().indexOf(lesson.id());
        return new MyLesson(
                mine(opened.course()),
                lesson,
                at > 0 ? all.get(at - 1) : null,
                at >= 0 && at < all.size() - 1 ? all.get(at + 1) : null);
    }

    /** The learner read, watched or went through the lesson; packages and quizzes are done by their results. */
    @Transactional
    public MyCourse markDone(UUID lessonId) {
        LearnerProgress.Opened opened = learner.lesson(lessonId);
        LessonKind kind = opened.lesson().kind();
        if (kind == LessonKind.SCORM || kind == LessonKind.QUIZ) {
            throw new InvalidInputException(
                    "lesson",
                    kind == LessonKind.QUIZ
                            ? "A quiz is done when it is passed"
                            : "A SCORM lesson is done when the package says it is completed");
        }
        learner.record(opened.lesson(), ProgressStatus.COMPLETED, null, null);
        return mine(learner.course(opened.course().id()));
    }

    /** A file or video lesson's file, whatever its library audience: the course gives access to it. */
    @Transactional(readOnly = true)
    public Download file(UUID lessonId) {
        LessonView lesson = learner.lesson(lessonId).lesson();
        return lessonFile(currentWorkspace.id(), lesson, assets, store);
    }

    /** A reading's (or a lesson's introduction's) Markdown as safe HTML. */
    public String html(LessonView lesson) {
        return RichText.forPage(lesson.body());
    }

    static Download lessonFile(WorkspaceId workspace, LessonView lesson, AssetTable assets, ContentStore store) {
        if (lesson.assetId() == null) {
            throw new NotFoundException("File");
        }
        AssetTable.Row asset =
                assets.find(workspace, lesson.assetId()).orElseThrow(() -> new NotFoundException("File"));
        FileVersion file = asset.file();
        if (file == null) {
            throw new NotFoundException("File");
        }
        return new Download(
                file.fileName(),
                file.contentType(),
                file.sizeBytes(),
                store.get(asset.storageKey()),
                FileInspector.shownInPlace(file.contentType()));
    }

    private MyCourse mine(CourseView course) {
        UUID person = learner.person().id();
        Map<UUID, LessonProgress> byLesson = progress.of(currentWorkspace.id(), course.id(), person);
        ProgressTable.Mine m = progress.mine(currentWorkspace.id(), person, List.of(course.id()))
                .get(course.id());
        return new MyCourse(course, byLesson, m == null ? 0 : m.lessonsDone(), m == null ? null : m.completedAt());
    }
}
