package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerType;
import dev.canopy.programs.ScoreLine;
import dev.canopy.programs.ScoringCriterion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An application's score: the sum of the points of every criterion it meets. At or above the
 * programme's auto-approve score it is approved at once, below its auto-reject score it is declined at
 * once (each only when set); anything else waits for a partner manager.
 */
public final class ApplicationScoring {

    private ApplicationScoring() {}

    public record Score(int total, List<ScoreLine> lines) {}

    public enum Verdict {
        APPROVE,
        REJECT,
        REVIEW
    }

    /** {@code answers} are checked already: numbers parse, choices are among the options. */
    public static Score score(
            List<ScoringCriterion> criteria, Map<UUID, List<String>> answers, Set<PartnerType> partnerTypes) {
        List<ScoreLine> lines = new ArrayList<>();
        for (ScoringCriterion criterion : criteria) {
            if (met(criterion, answers, partnerTypes)) {
                lines.add(new ScoreLine(criterion.describe(), criterion.points()));
            }
        }
        return new Score(lines.stream().mapToInt(ScoreLine::points).sum(), List.copyOf(lines));
    }

    public static Verdict verdict(int score, Integer autoApproveAt, Integer autoRejectBelow) {
        if (autoApproveAt != null && score >= autoApproveAt) {
            return Verdict.APPROVE;
        }
        if (autoRejectBelow != null && score < autoRejectBelow) {
            return Verdict.REJECT;
        }
        return Verdict.REVIEW;
    }

    private static boolean met(
            ScoringCriterion criterion, Map<UUID, List<String>> answers, Set<PartnerType> partnerTypes) {
        List<String> answer =
                criterion.questionId() == null ? List.of() : answers.getOrDefault(criterion.questionId(), List.of());
        return switch (criterion.kind()) {
            case CHOICE -> answer.contains(criterion.choice());
            case NUMBER_AT_LEAST ->
                !answer.isEmpty() && new BigDecimal(answer.getFirst()).compareTo(criterion.threshold()) >= 0;
            case PARTNER_TYPE -> partnerTypes.contains(criterion.partnerType());
        };
    }
}
