package dev.canopy.commissions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.CommissionBasis;
import dev.canopy.commissions.CommissionDuration;
import dev.canopy.commissions.CommissionEvent;
import dev.canopy.commissions.CommissionRule;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.Reward;
import dev.canopy.programs.RewardType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A programme's public offer against the percentages its plan pays or records. */
class PlanAgainstOfferTest {

    private static final Reward COMMISSION_10_TO_20 =
            new Reward(RewardType.COMMISSION, new BigDecimal("10"), new BigDecimal("20"), "contract value", "USD");
    private static final Reward MARGIN_15_TO_30 =
            new Reward(RewardType.MARGIN, new BigDecimal("15"), new BigDecimal("30"), "list price", "USD");

    private static CommissionRule rule(
            String name, CommissionEvent event, CommissionBasis basis, String rate, Map<UUID, BigDecimal> tiers) {
        return new CommissionRule(
                UUID.randomUUID(),
                new ProgramId(UUID.randomUUID()),
                name,
                event,
                basis,
                rate == null ? null : new BigDecimal(rate),
                rate == null ? new BigDecimal("250") : null,
                CommissionDuration.ONCE,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                tiers,
                true);
    }

    private static CommissionRule off(CommissionRule r) {
        return new CommissionRule(
                r.id(),
                r.program(),
                r.name(),
                r.event(),
                r.basis(),
                r.rate(),
                r.flatAmount(),
                r.duration(),
                r.durationMonths(),
                r.product(),
                r.country(),
                r.minAmount(),
                r.maxAmount(),
                r.tierId(),
                r.capAmount(),
                r.capPeriod(),
                r.tierRates(),
                false);
    }

    @Test
    void aPlanWhoseHighestRateIsTheOffersAgreesWhateverItsLowest() {
        CommissionRule fee = rule(
                "Referral fee",
                CommissionEvent.DEAL_WON,
                CommissionBasis.CONTRACT_VALUE,
                "15",
                Map.of(UUID.randomUUID(), new BigDecimal("20.0")));
        CommissionRule bonus = rule("First deal bonus", CommissionEvent.BOUNTY, CommissionBasis.FLAT, null, Map.of());
        assertThat(PlanAgainstOffer.differences(COMMISSION_10_TO_20, List.of(fee, bonus)))
                .isEmpty();
    }

    @Test
    void anOfferAboveWhatThePlanPaysIsAPromiseNobodyKeeps() {
        CommissionRule fee =
                rule("Referral fee", CommissionEvent.DEAL_WON, CommissionBasis.CONTRACT_VALUE, "15", Map.of());
        assertThat(PlanAgainstOffer.differences(COMMISSION_10_TO_20, List.of(fee)))
                .containsExactly("The offer promises up to 20 % commission, but the plan pays at most 15 %.");
    }

    @Test
    void aPlanPayingMoreThanTheOfferIsFlaggedToo() {
        CommissionRule share =
                rule("Subscription share", CommissionEvent.RECURRING_PAYMENT, CommissionBasis.PAYMENT, "25", Map.of());
        assertThat(PlanAgainstOffer.differences(COMMISSION_10_TO_20, List.of(share)))
                .containsExactly("The plan pays up to 25 % commission, more than the 20 % the offer promises.");
    }

    @Test
    void aCommissionOfferOnAPlanThatPaysNoPercentageOrOnlyMarginsOrSwitchedOffRules() {
        CommissionRule bonus = rule("First deal bonus", CommissionEvent.BOUNTY, CommissionBasis.FLAT, null, Map.of());
        CommissionRule margin =
                rule("Reseller margin", CommissionEvent.DEAL_WON, CommissionBasis.LIST_PRICE, "20", Map.of());
        CommissionRule switchedOff =
                off(rule("Referral fee", CommissionEvent.DEAL_WON, CommissionBasis.CONTRACT_VALUE, "20", Map.of()));
        String none = "The offer promises up to 20 % commission, but the plan has no active rule paying a percentage.";
        assertThat(PlanAgainstOffer.differences(COMMISSION_10_TO_20, List.of())).containsExactly(none);
        assertThat(PlanAgainstOffer.differences(COMMISSION_10_TO_20, List.of(bonus, margin, switchedOff)))
                .containsExactly(none);
    }

    @Test
    void aMarginOfferIsComparedWithTheMarginsRecordedAndMayNotHideACommission() {
        CommissionRule margin = rule(
                "Reseller margin",
                CommissionEvent.DEAL_WON,
                CommissionBasis.LIST_PRICE,
                "15",
                Map.of(UUID.randomUUID(), new BigDecimal("20")));
        assertThat(PlanAgainstOffer.differences(MARGIN_15_TO_30, List.of(margin)))
                .containsExactly("The offer promises up to 30 % margin, but the plan records at most 20 %.");
        assertThat(PlanAgainstOffer.differences(MARGIN_15_TO_30, List.of()))
                .containsExactly(
                        "The offer promises a margin of up to 30 %, but the plan records no margin on list price.");
        CommissionRule fullMargin = rule(
                "Reseller margin",
                CommissionEvent.DEAL_WON,
                CommissionBasis.LIST_PRICE,
                "15",
                Map.of(UUID.randomUUID(), new BigDecimal("30")));
        CommissionRule share =
                rule("Subscription share", CommissionEvent.RECURRING_PAYMENT, CommissionBasis.PAYMENT, "5", Map.of());
        assertThat(PlanAgainstOffer.differences(MARGIN_15_TO_30, List.of(fullMargin)))
                .isEmpty();
        assertThat(PlanAgainstOffer.differences(MARGIN_15_TO_30, List.of(fullMargin, share)))
                .containsExactly("The offer is a margin partners keep on their own invoices, but the plan also pays"
                        + " commission (Subscription share).");
    }
}
