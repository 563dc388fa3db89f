package dev.canopy.enablement.internal;

import dev.canopy.enablement.LessonKind;
import dev.canopy.enablement.LessonView;
import dev.canopy.enablement.QuizRules;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lessons of courses, in order; a removed lesson keeps its learners' progress but leaves the course. */
@Repository
public class LessonTable {

    private static final String COLUMNS = """
            l.id, l.course_id, l.position, l.title, l.kind, l.body, l.video_url, l.asset_id, l.scorm_version,
            l.scorm_key, l.scorm_launch, l.question_count, l.pass_percent, l.attempts_allowed, l.cooldown_minutes,
            l.time_limit_minutes, l.updated_at,
            (select count(*) from enablement_question q where q.lesson_id = l.id and q.removed_at is null) questions
            """;

    private final JdbcClient db;

    LessonTable(JdbcClient db) {
        this.db = db;
    }

    /** Adds the lesson after the course's last one. */
    public void insert(WorkspaceId workspace, LessonView lesson, Instant at) {
        db.sql("""
                        insert into enablement_lesson (id, workspace_id, course_id, position, title, kind, body, video_url,
                                                       asset_id, scorm_version, scorm_key, scorm_launch, question_count,
                                                       pass_percent, attempts_allowed, cooldown_minutes,
                                                       time_limit_minutes, created_at, updated_at)
                        values (:id, :workspace, :course,
                                (select coalesce(max(position), 0) + 1 from enablement_lesson
                                 where course_id = :course and removed_at is null),
                                :title, :kind, :body, :videoUrl, :assetId, :scormVersion, :scormKey, :scormLaunch,
                                :questionCount, :passPercent, :attempts, :cooldown, :timeLimit, :at, :at)
                        """)
                .param("id", lesson.id())
                .param("workspace", workspace.value())
                .param("course", lesson.courseId())
                .param("kind", lesson.kind().name())
                .param("at", Timestamp.from(at))
                .params(fields(lesson))
                .update();
    }

    /** What a lesson says and how its quiz is taken; its kind and package stay. */
    public void update(WorkspaceId workspace, LessonView lesson, Instant at) {
        db.sql("""
                        update enablement_lesson
                        set title = :title, body = :body, video_url = :videoUrl, asset_id = :assetId,
                            scorm_version = :scormVersion, scorm_key = :scormKey, scorm_launch = :scormLaunch,
                            question_count = :questionCount, pass_percent = :passPercent,
                            attempts_allowed = :attempts, cooldown_minutes = :cooldown,
                            time_limit_minutes = :timeLimit, updated_at = :at
                        where workspace_id = :workspace and id = :id
                        """)
                .param("id", lesson.id())
                .param("workspace", workspace.value())
                .param("at", Timestamp.from(at))
                .params(fields(lesson))
                .update();
    }

    public void remove(WorkspaceId workspace, UUID id, Instant at) {
        db.sql("update enablement_lesson set removed_at = :at, updated_at = :at"
                        + " where workspace_id = :workspace and id = :id")
                .param("id", id)
                .param("workspace", workspace.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Swaps two lessons' places. */
    public void swap(WorkspaceId workspace, LessonView a, LessonView b) {
        db.sql("""
                        update enablement_lesson set position = case id when :a then :bPosition else :aPosition end
                        where workspace_id = :workspace and id in (:a, :b)
                        """)
                .param("workspace", workspace.value())
                .param("a", a.id())
                .param("b", b.id())
                .param("aPosition", a.position())
                .param("bPosition", b.position())
                .update();
    }

    public Optional<LessonView> find(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS + " from enablement_lesson l"
                        + " where l.workspace_id = :workspace and l.id = :id and l.removed_at is null")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(LessonTable::row)
                .optional();
    }

    /** The lesson whose package is served under {@code key}. */
    public Optional<LessonView> findByPackage(WorkspaceId workspace, String key) {
        return db.sql("select " + COLUMNS + " from enablement_lesson l"
                        + " where l.workspace_id = :workspace and l.scorm_key = :key and l.removed_at is null")
                .param("workspace", workspace.value())
                .param("key", key)
                .query(LessonTable::row)
                .optional();
    }

    /** The courses' lessons in order, by course. */
    public Map<UUID, List<LessonView>> of(WorkspaceId workspace, Collection<UUID> courses) {
        Map<UUID, List<LessonView>> byCourse = new HashMap<>();
        if (courses.isEmpty()) {
            return byCourse;
        }
        db.sql("select " + COLUMNS + " from enablement_lesson l where l.workspace_id = :workspace"
                        + " and l.course_id = any (:courses) and l.removed_at is null order by l.position, l.id")
                .param("workspace", workspace.value())
                .param("courses", courses.toArray(UUID[]::new))
                .query(LessonTable::row)
                .list()
                .forEach(l -> byCourse.computeIfAbsent(l.courseId(), c -> new java.util.ArrayList<>())
                        .add(l));
        return byCourse;
    }

    private static Map<String, Object> fields(LessonView lesson) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", lesson.title());
        fields.put("body", lesson.body());
        fields.put("videoUrl", lesson.videoUrl());
        fields.put("assetId", lesson.assetId());
        fields.put(
                "scormVersion", lesson.scorm() == null ? null : lesson.scorm().version());
        fields.put("scormKey", lesson.scorm() == null ? null : lesson.scorm().key());
        fields.put("scormLaunch", lesson.scorm() == null ? null : lesson.scorm().launch());
        QuizRules quiz = lesson.quiz();
        fields.put("questionCount", quiz == null ? null : quiz.questionCount());
        fields.put("passPercent", quiz == null ? null : quiz.passPercent());
        fields.put("attempts", quiz == null ? null : quiz.attemptsAllowed());
        fields.put("cooldown", quiz == null ? null : quiz.cooldownMinutes());
        fields.put("timeLimit", quiz == null ? null : quiz.timeLimitMinutes());
        return fields;
    }

    private static LessonView row(ResultSet rs, int n) throws SQLException {
        LessonKind kind = LessonKind.valueOf(rs.getString("kind"));
        String scormKey = rs.getString("scorm_key");
        return new LessonView(
                rs.getObject("id", UUID.class),
                rs.getObject("course_id", UUID.class),
                rs.getInt("position"),
                rs.getString("title"),
                kind,
                rs.getString("body"),
                rs.getString("video_url"),
                rs.getObject("asset_id", UUID.class),
                scormKey == null
                        ? null
                        : new LessonView.ScormInfo(
                                rs.getString("scorm_version"), scormKey, rs.getString("scorm_launch")),
                kind == LessonKind.QUIZ
                        ? new QuizRules(
                                rs.getInt("question_count"),
                                rs.getInt("pass_percent"),
                                integer(rs, "attempts_allowed"),
                                rs.getInt("cooldown_minutes"),
                                integer(rs, "time_limit_minutes"))
                        : null,
                rs.getInt("questions"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
