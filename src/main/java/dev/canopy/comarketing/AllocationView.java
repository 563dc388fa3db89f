package dev.canopy.comarketing;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A share of a budget: for a named partner or each partner of a tier; an amount, or an accrual capped at it. */
public record AllocationView(
        UUID id,
        UUID budgetId,
        @Nullable PartnerId partnerId,
        @Nullable UUID tierId,
        String recipient,
        Money amount,
        @Nullable BigDecimal accrualPercent) {

    public boolean accrual() {
        return accrualPercent != null;
    }
}
