package dev.canopy.programs;

import java.math.BigDecimal;

/**
 * What a partner earns, in numbers: a rate (or a range of rates, by tier) of a basis, in a currency;
 * e.g. 10–20 % commission of first-year contract value, paid in USD.
 */
public record Reward(RewardType type, BigDecimal rateMin, BigDecimal rateMax, String basis, String currency) {

    /** The terms in one line, for listings and the public page. */
    public String describe() {
        String rate = rateMin.compareTo(rateMax) == 0
                ? rateMin.stripTrailingZeros().toPlainString()
                : rateMin.stripTrailingZeros().toPlainString() + "–"
                        + rateMax.stripTrailingZeros().toPlainString();
        return rate + " % " + type.label().toLowerCase(java.util.Locale.ROOT) + " on " + basis + ", in " + currency;
    }
}
