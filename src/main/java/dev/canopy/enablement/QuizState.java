package dev.canopy.enablement;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A quiz as its learner stands in it: its rules, their attempts (the latest first), the one under way if any, and
 * whether another may start now; if not, why (in words) and, during a cooldown, when.
 */
public record QuizState(
        QuizRules rules,
        List<AttemptView> attempts,
        @Nullable AttemptView open,
        boolean passed,
        boolean canStart,
        @Nullable String whyNot,
        @Nullable Instant nextAt) {

    public QuizState {
        attempts = List.copyOf(attempts);
    }

    public @Nullable Integer attemptsLeft() {
        return rules.attemptsAllowed() == null ? null : Math.max(0, rules.attemptsAllowed() - attempts.size());
    }
}
