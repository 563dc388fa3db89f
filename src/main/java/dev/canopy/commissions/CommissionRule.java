package dev.canopy.commissions;

import dev.canopy.programs.ProgramId;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** A rule of a programme's plan; amounts in the programme's currency. */
public record CommissionRule(
        UUID id,
        ProgramId program,
        String name,
        CommissionEvent event,
        CommissionBasis basis,
        BigDecimal rate,
        BigDecimal flatAmount,
        CommissionDuration duration,
        Integer durationMonths,
        String product,
        String country,
        BigDecimal minAmount,
        BigDecimal maxAmount,
        UUID tierId,
        BigDecimal capAmount,
        CapPeriod capPeriod,
        Map<UUID, BigDecimal> tierRates,
        boolean active) {

    /** "15 % of first-year contract value", "50 EUR flat", "0.05 EUR per click": the rule's amount in words. */
    public String amountText(String currency) {
        return basis == CommissionBasis.FLAT
                ? flatAmount.stripTrailingZeros().toPlainString() + " " + currency
                        + (event == CommissionEvent.CLICK ? " per click" : " flat")
                : rate.stripTrailingZeros().toPlainString() + " " + basis.label();
    }

    public String durationText() {
        if (event == CommissionEvent.CLICK) {
            return "each day's valid clicks";
        }
        if (event == CommissionEvent.BOUNTY) {
            return "when staff grant it";
        }
        return switch (duration) {
            case ONCE -> "once";
            case MONTHS -> "for " + durationMonths + " months";
            case LIFETIME -> "for the customer's lifetime";
        };
    }
}
