package dev.canopy.enablement;

import dev.canopy.enablement.internal.LearnerProgress;
import dev.canopy.enablement.internal.LessonTable;
import dev.canopy.enablement.internal.ProgressTable;
import dev.canopy.enablement.internal.ScormData;
import dev.canopy.enablement.internal.ScormImports;
import dev.canopy.enablement.internal.UsageTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SCORM lessons in the browser: what the portal's player starts a package with (its data as the learner left it),
 * what the package commits (kept, and turned into the lesson's status and score), and the package's own files,
 * served to learners of its course and to staff.
 */
@Service
public class ScormPlayer {

    /** What the player page needs: the standard, the file to open, the learner, and the stored data as JSON. */
    public record Session(
            boolean scorm12, String launch, String learnerId, String learnerName, boolean resume, String cmiJson) {}

    /** What a commit made of the lesson. */
    public record Committed(ProgressStatus status, @Nullable BigDecimal score) {}

    private static final TypeReference<Map<String, String>> FLAT = new TypeReference<>() {};

    private final LearnerProgress learner;
    private final LessonTable lessons;
    private final ProgressTable progress;
    private final ScormImports packages;
    private final CurrentWorkspace currentWorkspace;
    private final JsonMapper json;

    ScormPlayer(
            LearnerProgress learner,
            LessonTable lessons,
            ProgressTable progress,
            ScormImports packages,
            CurrentWorkspace currentWorkspace,
            JsonMapper json) {
        this.learner = learner;
        this.lessons = lessons;
        this.progress = progress;
        this.packages = packages;
        this.currentWorkspace = currentWorkspace;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Session session(UUID lessonId) {
        LessonView lesson = scormLesson(lessonId);
        UsageTable.Person person = learner.person();
        String cmi = progress.cmi(currentWorkspace.id(), lessonId, person.id()).orElse("{}");
        boolean scorm12 = scorm12(lesson);
        return new Session(
                scorm12,
                lesson.scorm().launch(),
                person.id().toString(),
                Actor.withoutEmail(person.name()),
                ScormData.suspended(scorm12, read(cmi)),
                cmi);
    }

    /** Keeps what the package committed and records the lesson's status and score from it. */
    @Transactional
    public Committed commit(UUID lessonId, @Nullable Map<String, String> cmi) {
        LessonView lesson = scormLesson(lessonId);
        Map<String, String> kept = ScormData.check(cmi);
        boolean scorm12 = scorm12(lesson);
        ProgressStatus status = ScormData.status(scorm12, kept);
        BigDecimal score = ScormData.score(scorm12, kept);
        learner.record(lesson, status, score, json.writeValueAsString(kept));
        return new Committed(status, score);
    }

    /**
     * A file of the package served under {@code key}: to a partner user only while the lesson's course is assigned
     * to their company, to staff always.
     */
    @Transactional(readOnly = true)
    public Resource file(String key, String path) {
        LessonView lesson =
                lessons.findByPackage(currentWorkspace.id(), key).orElseThrow(() -> new NotFoundException("File"));
        if (currentWorkspace.principal().orElse(null) instanceof PartnerScoped) {
            try {
                learner.lesson(lesson.id());
            } catch (NotFoundException e) {
                throw new NotFoundException("File");
            }
        }
        return packages.file(currentWorkspace.id(), key, path).orElseThrow(() -> new NotFoundException("File"));
    }

    private LessonView scormLesson(UUID lessonId) {
        LessonView lesson = learner.lesson(lessonId).lesson();
        if (lesson.kind() != LessonKind.SCORM || lesson.scorm() == null) {
            throw new NotFoundException("Lesson");
        }
        return lesson;
    }

    private static boolean scorm12(LessonView lesson) {
        return lesson.scorm().version().equals("SCORM_12");
    }

    private Map<String, String> read(String cmi) {
        return json.readValue(cmi, FLAT);
    }
}
