package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.enablement.internal.Grading;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Grading over any bank and any answers: a question counts only when exactly its right choices are chosen; the
 * score is the exact share rounded to two decimals; passing compares the exact share with the pass mark.
 */
class GradingIsExact {

    @Property
    void theScoreIsTheShareOfExactlyRightAnswers(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 15) Integer> rightSets,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 15) Integer> given,
            @ForAll @IntRange(min = 1, max = 100) int passPercent) {
        List<QuestionView> questions = new ArrayList<>();
        Map<UUID, Set<Integer>> answers = new HashMap<>();
        int expectedRight = 0;
        for (int i = 0; i < rightSets.size(); i++) {
            Set<Integer> right = bits(rightSets.get(i));
            QuestionView q = new QuestionView(
                    UUID.randomUUID(), UUID.randomUUID(), "Q" + i, List.of("a", "b", "c", "d"), List.copyOf(right));
            questions.add(q);
            Set<Integer> chosen = bits(given.get(i % given.size()));
            answers.put(q.id(), chosen);
            expectedRight += chosen.equals(right) ? 1 : 0;
        }

        Grading.Result result = Grading.grade(questions, answers, passPercent);

        assertThat(result.correct()).isEqualTo(expectedRight);
        assertThat(result.total()).isEqualTo(questions.size());
        assertThat(result.score())
                .isEqualByComparingTo(BigDecimal.valueOf(expectedRight * 100L)
                        .divide(BigDecimal.valueOf(questions.size()), 2, RoundingMode.HALF_UP));
        assertThat(result.passed()).isEqualTo(expectedRight * 100L >= (long) passPercent * questions.size());
        assertThat(result.score()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
    }

    @Property
    void everyRightAnswerPassesAnyPassMark(
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 15) Integer> rightSets,
            @ForAll @IntRange(min = 1, max = 100) int passPercent) {
        List<QuestionView> questions = new ArrayList<>();
        Map<UUID, Set<Integer>> answers = new HashMap<>();
        for (Integer bits : rightSets) {
            QuestionView q = new QuestionView(
                    UUID.randomUUID(), UUID.randomUUID(), "Q", List.of("a", "b", "c", "d"), List.copyOf(bits(bits)));
            questions.add(q);
            answers.put(q.id(), bits(bits));
        }

        Grading.Result result = Grading.grade(questions, answers, passPercent);

        assertThat(result.passed()).isTrue();
        assertThat(result.score()).isEqualByComparingTo("100");
    }

    private static Set<Integer> bits(int value) {
        Set<Integer> set = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            if ((value & (1 << i)) != 0) {
                set.add(i);
            }
        }
        return set;
    }
}
