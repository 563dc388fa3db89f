package dev.canopy.programs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.partners.PartnerType;
import dev.canopy.programs.ProgramDraft;
import dev.canopy.programs.RewardType;
import dev.canopy.programs.TierDraft;
import dev.canopy.programs.TierMetric;
import dev.canopy.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramRulesTest {

    private static ProgramDraft draft(String name, String slug, String min, String max, String currency, String days) {
        return new ProgramDraft(
                name,
                slug,
                List.of("REFERRAL"),
                "Refer customers to us.",
                "COMMISSION",
                min,
                max,
                "of first-year contract value",
                currency,
                null,
                " ",
                days,
                "",
                days,
                "",
                true);
    }

    @Test
    void blankPeriodsTakeTheirDefaultsAndTheSlugComesFromTheName() {
        ProgramRules.Details details = ProgramRules.check(draft("Référral Programme!", "", "10", "", "usd", ""));
        assertThat(details.slug()).isEqualTo("referral-programme");
        assertThat(details.partnerTypes()).containsExactly(PartnerType.REFERRAL);
        assertThat(details.rewardType()).isEqualTo(RewardType.COMMISSION);
        assertThat(details.rewardRateMax()).isEqualByComparingTo("10");
        assertThat(details.currency()).isEqualTo("USD");
        assertThat(details.training()).isNull();
        assertThat(details.attributionWindowDays()).isEqualTo(90);
        assertThat(details.holdPeriodDays()).isEqualTo(30);
        assertThat(details.reapplyAfterDays()).isEqualTo(90);
        assertThat(details.demotionGraceDays()).isEqualTo(90);
    }

    @Test
    void everyWrongFieldIsNamed() {
        assertThatThrownBy(() -> ProgramRules.check(new ProgramDraft(
                        "",
                        "Bad Slug",
                        List.of(),
                        "",
                        "BARTER",
                        "0",
                        "-3",
                        "",
                        "EURO",
                        null,
                        null,
                        "0",
                        "400",
                        "x",
                        "-1",
                        true)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactlyInAnyOrder(
                                        "name",
                                        "slug",
                                        "partnerTypes",
                                        "valueProposition",
                                        "rewardType",
                                        "rewardRateMin",
                                        "rewardRateMax",
                                        "rewardBasis",
                                        "currency",
                                        "attributionWindowDays",
                                        "holdPeriodDays",
                                        "reapplyAfterDays",
                                        "demotionGraceDays"));
        assertThatThrownBy(() -> ProgramRules.check(draft("X", "x", "20", "10", "EUR", "")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("rewardRateMax"));
    }

    @Test
    void tierThresholdsAreMoneyOrWholeCountsAndNeverNegative() {
        TierRules.Checked gold = TierRules.check(new TierDraft(
                "Gold",
                "",
                Map.of(
                        TierMetric.PARTNER_SOURCED_REVENUE_12M,
                        "50,000.50",
                        TierMetric.DEALS_WON,
                        "5",
                        TierMetric.CERTIFIED_PEOPLE,
                        "")));
        assertThat(gold.thresholds())
                .containsOnlyKeys(TierMetric.PARTNER_SOURCED_REVENUE_12M, TierMetric.DEALS_WON)
                .containsEntry(TierMetric.DEALS_WON, new BigDecimal("5"));
        assertThat(gold.benefits()).isNull();
        assertThatThrownBy(() -> TierRules.check(new TierDraft(
                        " ",
                        null,
                        Map.of(
                                TierMetric.DEALS_WON, "2.5",
                                TierMetric.ACTIVE_CUSTOMERS, "-1",
                                TierMetric.PARTNER_SOURCED_REVENUE_12M, "lots"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactlyInAnyOrder("name", "dealsWon", "activeCustomers", "revenue12m"));
    }
}
