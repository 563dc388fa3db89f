package dev.canopy.commissions.internal;

import dev.canopy.commissions.CommissionBasis;
import dev.canopy.commissions.CommissionPlans;
import dev.canopy.commissions.CommissionRule;
import dev.canopy.programs.OfferCheck;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Reward;
import dev.canopy.programs.RewardType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Compares a programme's offer (a commission or a margin, up to a rate) with the percentages its active rules pay
 * or record. Flat amounts (bounties, per click, per lead) are extras an offer need not mention.
 */
@Component
class PlanAgainstOffer implements OfferCheck {

    private final CommissionPlans plans;

    PlanAgainstOffer(CommissionPlans plans) {
        this.plans = plans;
    }

    @Override
    public List<String> differences(ProgramView program) {
        return differences(program.reward(), plans.plan(program.id()).rules());
    }

    static List<String> differences(Reward offer, List<CommissionRule> rules) {
        List<CommissionRule> active = rules.stream()
                .filter(CommissionRule::active)
                .filter(r -> r.basis() != CommissionBasis.FLAT)
                .toList();
        List<CommissionRule> paying =
                active.stream().filter(r -> r.basis().payable()).toList();
        List<CommissionRule> margins =
                active.stream().filter(r -> !r.basis().payable()).toList();
        String promised = percent(offer.rateMax());
        List<String> found = new ArrayList<>();
        if (offer.type() == RewardType.COMMISSION) {
            Optional<BigDecimal> highest = highest(paying);
            if (highest.isEmpty()) {
                found.add("The offer promises up to " + promised
                        + " commission, but the plan has no active rule paying a percentage.");
            } else {
                compare(found, offer.rateMax(), highest.get(), "pays", "commission");
            }
        } else {
            Optional<BigDecimal> highest = highest(margins);
            if (highest.isEmpty()) {
                found.add("The offer promises a margin of up to " + promised
                        + ", but the plan records no margin on list price.");
            } else {
                compare(found, offer.rateMax(), highest.get(), "records", "margin");
            }
            if (!paying.isEmpty()) {
                found.add(
                        "The offer is a margin partners keep on their own invoices, but the plan also pays commission ("
                                + String.join(
                                        ", ",
                                        paying.stream()
                                                .map(CommissionRule::name)
                                                .toList()) + ").");
            }
        }
        return found;
    }

    private static void compare(List<String> found, BigDecimal promised, BigDecimal highest, String verb, String kind) {
        if (highest.compareTo(promised) < 0) {
            found.add("The offer promises up to " + percent(promised) + " " + kind + ", but the plan " + verb
                    + " at most " + percent(highest) + ".");
        } else if (highest.compareTo(promised) > 0) {
            found.add("The plan " + verb + " up to " + percent(highest) + " " + kind + ", more than the "
                    + percent(promised) + " the offer promises.");
        }
    }

    /** The highest rate the rules give anyone: each rule's own rate and its rates for tiers. */
    private static Optional<BigDecimal> highest(List<CommissionRule> rules) {
        return rules.stream()
                .flatMap(r -> Stream.concat(Stream.ofNullable(r.rate()), r.tierRates().values().stream()))
                .max(BigDecimal::compareTo);
    }

    private static String percent(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString() + " %";
    }
}
