package dev.canopy.enablement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One attempt at a quiz, as its learner sees it: the questions it drew with their choices, never which are right;
 * once submitted, the score and, per question, whether the answer given was right.
 */
public record AttemptView(
        UUID id,
        UUID lessonId,
        int number,
        List<Posed> questions,
        Instant startedAt,
        @Nullable Instant deadline,
        @Nullable Instant submittedAt,
        @Nullable Integer correct,
        @Nullable BigDecimal score,
        @Nullable Boolean passed) {

    /** A question as posed: {@code multiple} when more than one choice is right; {@code right} once graded. */
    public record Posed(
            UUID id,
            String text,
            List<String> choices,
            boolean multiple,
            Set<Integer> chosen,
            @Nullable Boolean right) {}

    public AttemptView {
        questions = List.copyOf(questions);
    }

    public boolean open() {
        return submittedAt == null;
    }
}
