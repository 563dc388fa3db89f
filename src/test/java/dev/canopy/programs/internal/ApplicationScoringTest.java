package dev.canopy.programs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.PartnerType;
import dev.canopy.programs.CriterionKind;
import dev.canopy.programs.ScoreLine;
import dev.canopy.programs.ScoringCriterion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplicationScoringTest {

    private final UUID sellers = UUID.randomUUID();
    private final UUID focus = UUID.randomUUID();
    private final UUID industries = UUID.randomUUID();

    private final List<ScoringCriterion> criteria = List.of(
            new ScoringCriterion(
                    UUID.randomUUID(),
                    CriterionKind.NUMBER_AT_LEAST,
                    sellers,
                    "Sellers",
                    null,
                    BigDecimal.TEN,
                    null,
                    40),
            new ScoringCriterion(UUID.randomUUID(), CriterionKind.CHOICE, focus, "Focus", "Enterprise", null, null, 30),
            new ScoringCriterion(UUID.randomUUID(), CriterionKind.CHOICE, focus, "Focus", "Consumer", null, null, -25),
            new ScoringCriterion(
                    UUID.randomUUID(), CriterionKind.CHOICE, industries, "Industries", "Banking", null, null, 15),
            new ScoringCriterion(
                    UUID.randomUUID(), CriterionKind.PARTNER_TYPE, null, null, null, null, PartnerType.MSP, 20));

    @Test
    void theScoreIsTheSumOfTheCriteriaMetWithEachLineExplained() {
        ApplicationScoring.Score score = ApplicationScoring.score(
                criteria,
                Map.of(sellers, List.of("10"), focus, List.of("Enterprise"), industries, List.of("Retail", "Banking")),
                Set.of(PartnerType.RESELLER, PartnerType.MSP));
        assertThat(score.total()).isEqualTo(40 + 30 + 15 + 20);
        assertThat(score.lines())
                .extracting(ScoreLine::reason)
                .containsExactly(
                        "“Sellers” is at least 10",
                        "“Focus” is Enterprise",
                        "“Industries” is Banking",
                        "Partner type is Managed service provider");
    }

    @Test
    void negativePointsCountAndUnansweredQuestionsEarnNothing() {
        ApplicationScoring.Score score = ApplicationScoring.score(
                criteria, Map.of(sellers, List.of("9.99"), focus, List.of("Consumer")), Set.of(PartnerType.RESELLER));
        assertThat(score.total()).isEqualTo(-25);
        assertThat(ApplicationScoring.score(criteria, Map.of(), Set.of()).total())
                .isZero();
        assertThat(ApplicationScoring.score(List.of(), Map.of(sellers, List.of("100")), Set.of(PartnerType.MSP))
                        .lines())
                .isEmpty();
    }

    @Test
    void theVerdictApprovesAtTheBarDeclinesBelowItsFloorAndOtherwiseWaits() {
        assertThat(ApplicationScoring.verdict(70, 70, 20)).isEqualTo(ApplicationScoring.Verdict.APPROVE);
        assertThat(ApplicationScoring.verdict(69, 70, 20)).isEqualTo(ApplicationScoring.Verdict.REVIEW);
        assertThat(ApplicationScoring.verdict(20, 70, 20)).isEqualTo(ApplicationScoring.Verdict.REVIEW);
        assertThat(ApplicationScoring.verdict(19, 70, 20)).isEqualTo(ApplicationScoring.Verdict.REJECT);
        assertThat(ApplicationScoring.verdict(1000, null, null)).isEqualTo(ApplicationScoring.Verdict.REVIEW);
        assertThat(ApplicationScoring.verdict(-1000, null, 0)).isEqualTo(ApplicationScoring.Verdict.REJECT);
        assertThat(ApplicationScoring.verdict(0, 0, null)).isEqualTo(ApplicationScoring.Verdict.APPROVE);
    }
}
