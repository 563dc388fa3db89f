package dev.canopy.enablement.internal;

import dev.canopy.enablement.QuestionView;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Quizzes' question banks. A removed question leaves the bank but stays readable for the attempts that drew it. */
@Repository
public class QuizBankTable {

    private static final String COLUMNS = "id, lesson_id, text, choices, correct";

    private final JdbcClient db;

    QuizBankTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, UUID lesson, UUID id, CourseInputs.Question question, Instant at) {
        db.sql("""
                        insert into enablement_question (id, workspace_id, lesson_id, position, text, choices, correct,
                                                         created_at)
                        values (:id, :workspace, :lesson,
                                (select coalesce(max(position), 0) + 1 from enablement_question where lesson_id = :lesson),
                                :text, :choices, :correct, :at)
                        """)
                .param("id", id)
                .param("workspace", workspace.value())
                .param("lesson", lesson)
                .param("text", question.text())
                .param("choices", question.choices().toArray(String[]::new))
                .param("correct", question.correct().toArray(Integer[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }

    public void remove(WorkspaceId workspace, UUID id, Instant at) {
        db.sql("update enablement_question set removed_at = :at where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The bank, in the order the questions were added. */
    public List<QuestionView> of(WorkspaceId workspace, UUID lesson) {
        return db.sql("select " + COLUMNS + " from enablement_question where workspace_id = :workspace"
                        + " and lesson_id = :lesson and removed_at is null order by position")
                .param("workspace", workspace.value())
                .param("lesson", lesson)
                .query(QuizBankTable::row)
                .list();
    }

    public Optional<QuestionView> find(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS + " from enablement_question where workspace_id = :workspace and id = :id"
                        + " and removed_at is null")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(QuizBankTable::row)
                .optional();
    }

    /** The questions an attempt drew, removed ones included, in no particular order. */
    public List<QuestionView> byIds(WorkspaceId workspace, Collection<UUID> ids) {
        return db.sql("select " + COLUMNS + " from enablement_question where workspace_id = :workspace"
                        + " and id = any (:ids)")
                .param("workspace", workspace.value())
                .param("ids", ids.toArray(UUID[]::new))
                .query(QuizBankTable::row)
                .list();
    }

    private static QuestionView row(ResultSet rs, int n) throws SQLException {
        return new QuestionView(
                rs.getObject("id", UUID.class),
                rs.getObject("lesson_id", UUID.class),
                rs.getString("text"),
                List.of((String[]) rs.getArray("choices").getArray()),
                Arrays.asList((Integer[]) rs.getArray("correct").getArray()));
    }
}
