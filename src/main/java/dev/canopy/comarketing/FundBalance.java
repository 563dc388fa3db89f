package dev.canopy.comarketing;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One partner's funds in one budget: allocated (accruals as earned so far), requested (waiting for approval),
 * approved, claimed, paid, and available to request (allocated less approved and requested, never below zero).
 */
public record FundBalance(
        UUID budgetId,
        String budgetName,
        LocalDate endsOn,
        PartnerId partnerId,
        String partnerName,
        Money allocated,
        Money requested,
        Money approved,
        Money claimed,
        Money paid) {

    public Money available() {
        Money left = allocated.minus(approved).minus(requested);
        return left.isNegative() ? Money.zero(left.currency()) : left;
    }
}
