package dev.canopy.enablement;

import org.jspecify.annotations.Nullable;

/**
 * How a quiz is taken: {@code questionCount} drawn at random from its bank per attempt, passed at
 * {@code passPercent} or more, {@code attemptsAllowed} attempts (null: no limit), {@code cooldownMinutes} between
 * two, and an optional time limit.
 */
public record QuizRules(
        int questionCount,
        int passPercent,
        @Nullable Integer attemptsAllowed,
        int cooldownMinutes,
        @Nullable Integer timeLimitMinutes) {}
