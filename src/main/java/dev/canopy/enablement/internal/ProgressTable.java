package dev.canopy.enablement.internal;

import dev.canopy.enablement.LessonProgress;
import dev.canopy.enablement.ProgressStatus;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.TransactionLocks;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
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

/**
 * What partner users did in courses: who started which (enrolment), each lesson's standing, and when a course was
 * completed. A lesson once done stays done, whatever a later session of it reports.
 */
@Repository
public class ProgressTable {

    /** People who started a course, and who completed it. */
    public record Counts(long started, long completed) {}

    /** One learner in a course, before the partner's name is looked up. */
    public record Enrolment(
            UUID personId,
            String person,
            PartnerId partner,
            int lessonsDone,
            Instant startedAt,
            @Nullable Instant completedAt) {}

    /** A course as one learner stands in it. */
    public record Mine(
            UUID course, int lessonsDone, @Nullable Instant completedAt) {}

    private static final String DONE = "('COMPLETED', 'PASSED')";

    private final JdbcClient db;

    ProgressTable(JdbcClient db) {
        this.db = db;
    }

    /** Holds, until the transaction ends, the one lock a person's progress is written under. */
    public void lockPerson(UUID person) {
        TransactionLocks.lock(db, person.toString());
    }

    /** The learner started the course (the first lesson they opened); once only. */
    public void enrol(WorkspaceId workspace, UUID course, PartnerId partner, UsageTable.Person person, Instant at) {
        db.sql("""
                        insert into enablement_enrolment (course_id, person_id, workspace_id, partner_id, person,
                                                          started_at)
                        values (:course, :person, :workspace, :partner, :name, :at)
                        on conflict (course_id, person_id) do nothing
                        """)
                .param("course", course)
                .param("person", person.id())
                .param("workspace", workspace.value())
                .param("partner", partner.value())
                .param("name", person.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Starts the courses over for the learner, to renew a certification: their progress in every lesson is dropped
     * and each enrolment is marked restarted now (quiz attempts before it no longer count; they stay on record).
     */
    public void restart(WorkspaceId workspace, UUID person, Collection<UUID> courses, Instant at) {
        UUID[] ids = courses.toArray(UUID[]::new);
        db.sql("delete from enablement_progress where workspace_id = :workspace and person_id = :person"
                        + " and course_id = any(:courses)")
                .param("workspace", workspace.value())
                .param("person", person)
                .param("courses", ids)
                .update();
        db.sql("update enablement_enrolment set restarted_at = :at, completed_at = null"
                        + " where workspace_id = :workspace and person_id = :person and course_id = any(:courses)")
                .param("workspace", workspace.value())
                .param("person", person)
                .param("courses", ids)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** When the learner's courses last started over for a renewal, if they ever did. */
    public Optional<Instant> restartedAt(WorkspaceId workspace, UUID course, UUID person) {
        return db.sql("select restarted_at from enablement_enrolment where workspace_id = :workspace"
                        + " and course_id = :course and person_id = :person")
                .param("workspace", workspace.value())
                .param("course", course)
                .param("person", person)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional()
                .flatMap(restarted -> restarted);
    }

    /**
     * Records where the learner stands in a lesson: a done lesson stays done (its score and day with it); a SCORM
     * package's data ({@code cmi}, JSON) replaces the stored one, null keeps it.
     */
    public void record(
            WorkspaceId workspace,
            UUID lesson,
            UUID course,
            PartnerId partner,
            UUID person,
            ProgressStatus status,
            @Nullable BigDecimal score,
            @Nullable String cmi,
            Instant at) {
        db.sql("""
                        insert into enablement_progress (lesson_id, person_id, workspace_id, course_id, partner_id,
                                                         status, score, cmi, updated_at, completed_at)
                        values (:lesson, :person, :workspace, :course, :partner, :status, :score,
                                coalesce(cast(:cmi as jsonb), '{}'), :at,
                                case when :status in %1$s then cast(:at as timestamptz) end)
                        on conflict (lesson_id, person_id) do update
                        set status = case when enablement_progress.status in %1$s then enablement_progress.status
                                          else excluded.status end,
                            score = case when enablement_progress.status in %1$s then enablement_progress.score
                                         else coalesce(excluded.score, enablement_progress.score) end,
                            cmi = coalesce(cast(:cmi as jsonb), enablement_progress.cmi),
                            completed_at = coalesce(enablement_progress.completed_at, excluded.completed_at),
                            updated_at = excluded.updated_at
                        """.formatted(DONE))
                .param("lesson", lesson)
                .param("person", person)
                .param("workspace", workspace.value())
                .param("course", course)
                .param("partner", partner.value())
                .param("status", status.name())
                .param("score", score)
                .param("cmi", cmi)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Marks the course completed for the learner when every lesson it has now is done; true only the first time,
     * so that the completion is told once.
     */
    public boolean completeIfDone(WorkspaceId workspace, UUID course, UUID person, Instant at) {
        return db.sql("""
                        update enablement_enrolment set completed_at = :at
                        where workspace_id = :workspace and course_id = :course and person_id = :person
                          and completed_at is null
                          and not exists (select 1 from enablement_lesson l
                                          where l.course_id = :course and l.removed_at is null
                                            and not exists (select 1 from enablement_progress p
                                                            where p.lesson_id = l.id and p.person_id = :person
                                                              and p.status in %s))
                        """.formatted(DONE))
                        .param("workspace", workspace.value())
                        .param("course", course)
                        .param("person", person)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** The learner's standing in each lesson of the course they touched. */
    public Map<UUID, LessonProgress> of(WorkspaceId workspace, UUID course, UUID person) {
        Map<UUID, LessonProgress> byLesson = new HashMap<>();
        db.sql("select lesson_id, status, score, completed_at from enablement_progress"
                        + " where workspace_id = :workspace and course_id = :course and person_id = :person")
                .param("workspace", workspace.value())
                .param("course", course)
                .param("person", person)
                .query((rs, n) -> new LessonProgress(
                        rs.getObject("lesson_id", UUID.class),
                        ProgressStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("score"),
                        CourseTable.instant(rs.getTimestamp("completed_at"))))
                .list()
                .forEach(p -> byLesson.put(p.lessonId(), p));
        return byLesson;
    }

    /** A SCORM lesson's data as the learner's package last committed it (JSON), if it ever did. */
    public Optional<String> cmi(WorkspaceId workspace, UUID lesson, UUID person) {
        return db.sql("select cmi::text from enablement_progress"
                        + " where workspace_id = :workspace and lesson_id = :lesson and person_id = :person")
                .param("workspace", workspace.value())
                .param("lesson", lesson)
                .param("person", person)
                .query(String.class)
                .optional();
    }

    /** For each of the learner's courses: how many of its current lessons are done, and when it was completed. */
    public Map<UUID, Mine> mine(WorkspaceId workspace, UUID person, Collection<UUID> courses) {
        Map<UUID, Mine> mine = new HashMap<>();
        db.sql("""
                        select c.id,
                               (select count(*) from enablement_progress p
                                join enablement_lesson l on l.id = p.lesson_id and l.removed_at is null
                                where p.course_id = c.id and p.person_id = :person and p.status in %s) done,
                               e.completed_at
                        from unnest(cast(:courses as uuid[])) c(id)
                        left join enablement_enrolment e on e.course_id = c.id and e.person_id = :person
                                                          and e.workspace_id = :workspace
                        """.formatted(DONE))
                .param("workspace", workspace.value())
                .param("person", person)
                .param("courses", courses.toArray(UUID[]::new))
                .query((rs, n) -> new Mine(
                        rs.getObject("id", UUID.class),
                        rs.getInt("done"),
                        CourseTable.instant(rs.getTimestamp("completed_at"))))
                .list()
                .forEach(m -> mine.put(m.course(), m));
        return mine;
    }

    /** Whether the person completed every one of {@code courses}. */
    public boolean completedAll(WorkspaceId workspace, UUID person, Collection<UUID> courses) {
        return db.sql(
                                "select count(*) from enablement_enrolment where workspace_id = :workspace"
                                        + " and person_id = :person and course_id = any (:courses) and completed_at is not null")
                        .param("workspace", workspace.value())
                        .param("person", person)
                        .param("courses", courses.toArray(UUID[]::new))
                        .query(Long.class)
                        .single()
                == courses.size();
    }

    public Map<UUID, Counts> counts(WorkspaceId workspace, Collection<UUID> courses) {
        Map<UUID, Counts> counts = new HashMap<>();
        db.sql("select course_id, count(*) started, count(completed_at) completed from enablement_enrolment"
                        + " where workspace_id = :workspace and course_id = any (:courses) group by course_id")
                .param("workspace", workspace.value())
                .param("courses", courses.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getObject("course_id", UUID.class),
                        new Counts(rs.getLong("started"), rs.getLong("completed"))))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Everyone who started the course, the latest first. */
    public List<Enrolment> enrolments(WorkspaceId workspace, UUID course) {
        return db.sql("""
                        select e.person_id, e.person, e.partner_id, e.started_at, e.completed_at,
                               (select count(*) from enablement_progress p
                                join enablement_lesson l on l.id = p.lesson_id and l.removed_at is null
                                where p.course_id = e.course_id and p.person_id = e.person_id
                                  and p.status in %s) done
                        from enablement_enrolment e
                        where e.workspace_id = :workspace and e.course_id = :course
                        order by e.started_at desc, e.person_id
                        limit 1000
                        """.formatted(DONE))
                .param("workspace", workspace.value())
                .param("course", course)
                .query((rs, n) -> new Enrolment(
                        rs.getObject("person_id", UUID.class),
                        rs.getString("person"),
                        new PartnerId(rs.getObject("partner_id", UUID.class)),
                        rs.getInt("done"),
                        rs.getTimestamp("started_at").toInstant(),
                        CourseTable.instant(rs.getTimestamp("completed_at"))))
                .list();
    }
}
