package dev.canopy.enablement.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Quiz attempts: the questions each drew, and once submitted (once only), the answers and the grade. */
@Repository
public class AttemptTable {

    public record Row(
            UUID id,
            UUID lesson,
            UUID person,
            int number,
            List<UUID> questions,
            Instant startedAt,
            @Nullable Instant deadline,
            @Nullable Instant submittedAt,
            @Nullable Integer correct,
            @Nullable BigDecimal score,
            @Nullable Boolean passed,
            Map<UUID, Set<Integer>> answers) {}

    private static final TypeReference<Map<UUID, Set<Integer>>> ANSWERS = new TypeReference<>() {};

    private final JdbcClient db;
    private final JsonMapper json;

    AttemptTable(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A new attempt numbered after the learner's last; false when another took that number first. */
    public boolean insert(WorkspaceId workspace, Row row, PartnerId partner) {
        return db.sql("""
                        insert into enablement_attempt (id, workspace_id, lesson_id, person_id, partner_id, number,
                                                        question_ids, started_at, deadline)
                        values (:id, :workspace, :lesson, :person, :partner, :number, :questions, :at, :deadline)
                        on conflict (lesson_id, person_id, number) do nothing
                        """)
                        .param("id", row.id())
                        .param("workspace", workspace.value())
                        .param("lesson", row.lesson())
                        .param("person", row.person())
                        .param("partner", partner.value())
                        .param("number", row.number())
                        .param("questions", row.questions().toArray(UUID[]::new))
                        .param("at", Timestamp.from(row.startedAt()))
                        .param("deadline", row.deadline() == null ? null : Timestamp.from(row.deadline()))
                        .update()
                == 1;
    }

    /** Grades an open attempt; false when it was already submitted (a second submission changes nothing). */
    public boolean submit(
            WorkspaceId workspace, UUID id, Map<UUID, Set<Integer>> answers, Grading.Result result, Instant at) {
        return db.sql("""
                        update enablement_attempt
                        set submitted_at = :at, answers = cast(:answers as jsonb), correct = :correct, score = :score,
                            passed = :passed
                        where workspace_id = :workspace and id = :id and submitted_at is null
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("answers", json.writeValueAsString(answers))
                        .param("correct", result.correct())
                        .param("score", result.score())
                        .param("passed", result.passed())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id, UUID person) {
        return db.sql("select * from enablement_attempt where workspace_id = :workspace and id = :id"
                        + " and person_id = :person")
                .param("workspace", workspace.value())
                .param("id", id)
                .param("person", person)
                .query(this::row)
                .optional();
    }

    /** The learner's attempts at the quiz, the latest first. */
    public List<Row> of(WorkspaceId workspace, UUID lesson, UUID person) {
        return db.sql("select * from enablement_attempt where workspace_id = :workspace and lesson_id = :lesson"
                        + " and person_id = :person order by number desc")
                .param("workspace", workspace.value())
                .param("lesson", lesson)
                .param("person", person)
                .query(this::row)
                .list();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String answers = rs.getString("answers");
        Object passed = rs.getObject("passed");
        Object correct = rs.getObject("correct");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("lesson_id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getInt("number"),
                Arrays.asList((UUID[]) rs.getArray("question_ids").getArray()),
                rs.getTimestamp("started_at").toInstant(),
                CourseTable.instant(rs.getTimestamp("deadline")),
                CourseTable.instant(rs.getTimestamp("submitted_at")),
                correct == null ? null : ((Number) correct).intValue(),
                rs.getBigDecimal("score"),
                passed == null ? null : (Boolean) passed,
                answers == null ? Map.of() : json.readValue(answers, ANSWERS));
    }
}
