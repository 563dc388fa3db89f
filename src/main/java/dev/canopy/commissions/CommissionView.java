package dev.canopy.commissions;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A commission with everything that explains it: the rule, the base in the sale's currency, the rate,
 * the exchange rate and its date (all locked when created), and the conversion, deal, bounty or day of
 * clicks it came from ({@code quantity}: the clicks, 1 for any other source).
 */
public record CommissionView(
        UUID id,
        PartnerId partner,
        String partnerName,
        ProgramId program,
        String programName,
        CommissionKind kind,
        CommissionStatus status,
        Money amount,
        boolean payable,
        UUID ruleId,
        String ruleName,
        CommissionBasis basis,
        Money base,
        BigDecimal rate,
        BigDecimal fxRate,
        LocalDate fxOn,
        BigDecimal cappedFrom,
        UUID sourceId,
        String sourceKind,
        String sourceDescription,
        UUID reverses,
        List<String> holdReasons,
        String decisionNote,
        String decidedBy,
        Instant holdUntil,
        Instant occurredAt,
        Instant createdAt,
        UUID payoutRunId,
        int quantity) {

    /** One sentence a partner or finance can check by hand: "15 % of 1200000.00 INR = 180000.00 INR". */
    public String explanation() {
        StringBuilder text = new StringBuilder();
        if (kind != CommissionKind.EARNED) {
            text.append(kind == CommissionKind.CLAWBACK ? "Clawback" : "Reversal")
                    .append(" after a refund: ");
        }
        if (rate != null && base != null) {
            text.append(rate.stripTrailingZeros().toPlainString())
                    .append(" % of ")
                    .append(base);
            if (fxRate != null && fxRate.compareTo(BigDecimal.ONE) != 0) {
                text.append(" at ")
                        .append(fxRate.stripTrailingZeros().toPlainString())
                        .append(" ")
                        .append(amount.currencyCode())
                        .append("/")
                        .append(base.currencyCode());
                if (fxOn != null) {
                    text.append(" (rate of ").append(fxOn).append(")");
                }
            }
        } else if ("CLICK".equals(sourceKind)) {
            BigDecimal paid = cappedFrom != null ? cappedFrom : amount.amount();
            text.append(quantity)
                    .append(quantity == 1 ? " click × " : " clicks × ")
                    .append(perClick(paid).toPlainString())
                    .append(" ")
                    .append(amount.currencyCode());
        } else {
            text.append("flat");
        }
        text.append(" = ").append(amount);
        if (cappedFrom != null) {
            text.append(", capped from ").append(Money.of(cappedFrom, amount.currencyCode()));
        }
        if (ruleName != null) {
            text.append(" — rule “").append(ruleName).append("”");
        }
        return text.toString();
    }

    // A click rule's amount has no more decimals than its currency (RuleChecks), so the day's total is
    // exactly the per-click amount times the clicks and this division gives it back.
    private BigDecimal perClick(BigDecimal paid) {
        BigDecimal each = paid.divide(BigDecimal.valueOf(quantity), 4, RoundingMode.HALF_UP);
        return each.setScale(
                Math.max(each.stripTrailingZeros().scale(), amount.amount().scale()), RoundingMode.HALF_UP);
    }
}
