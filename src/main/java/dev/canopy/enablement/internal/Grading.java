package dev.canopy.enablement.internal;

import dev.canopy.enablement.QuestionView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A quiz attempt graded: a question is right when exactly its right choices were chosen (all of them, nothing
 * else); the score is the share of right questions in percent, two decimals, half up; passed at the pass mark, by
 * the exact share, not the rounded score (two of three, 66.67, is below a pass mark of 67).
 */
public final class Grading {

    public record Result(int correct, int total, BigDecimal score, boolean passed, Map<UUID, Boolean> right) {}

    private Grading() {}

    public static Result grade(List<QuestionView> drawn, Map<UUID, Set<Integer>> answers, int passPercent) {
        Map<UUID, Boolean> right = new java.util.HashMap<>();
        int correct = 0;
        for (QuestionView question : drawn) {
            boolean isRight = answers.getOrDefault(question.id(), Set.of()).equals(Set.copyOf(question.correct()));
            right.put(question.id(), isRight);
            correct += isRight ? 1 : 0;
        }
        BigDecimal score = drawn.isEmpty()
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(correct * 100L).divide(BigDecimal.valueOf(drawn.size()), 2, RoundingMode.HALF_UP);
        return new Result(
                correct, drawn.size(), score, correct * 100L >= (long) passPercent * drawn.size(), Map.copyOf(right));
    }
}
