package dev.canopy.commissions.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversion, won deal, bounty or day of clicks as the engine sees it. {@code basis} is PAYMENT for sales
 * and refunds, CONTRACT_VALUE or LIST_PRICE for won deals, null otherwise. {@code ruleId} is the rule a
 * bounty was granted under (null otherwise); {@code quantity} the number of clicks (1 otherwise).
 */
public record CommissionSource(
        UUID id,
        String kind,
        PartnerId partner,
        ProgramId program,
        UUID tierId,
        UUID customerId,
        String customerEmail,
        String customerDomain,
        String country,
        List<String> products,
        BigDecimal amount,
        String currency,
        String basis,
        boolean firstPayment,
        UUID reverses,
        String paidAd,
        String description,
        Instant occurredAt,
        UUID ruleId,
        int quantity) {

    /** A source with no customer, product, amount or basis: a bounty granted under a rule, or a day's clicks. */
    public static CommissionSource flat(
            UUID id,
            String kind,
            PartnerId partner,
            ProgramId program,
            UUID tierId,
            String description,
            Instant occurredAt,
            UUID ruleId,
            int quantity) {
        return new CommissionSource(
                id,
                kind,
                partner,
                program,
                tierId,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                false,
                null,
                null,
                description,
                occurredAt,
                ruleId,
                quantity);
    }
}
