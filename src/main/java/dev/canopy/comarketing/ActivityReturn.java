package dev.canopy.comarketing;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an approved MDF activity cost and brought, or the sum of several (a partner's, a tier's, a type's): spend is
 * what its claims were approved for; leads are the leads of customers its links brought plus the deal registrations
 * linked to it; pipeline the value of those registrations still open or won; won their value once won plus the net
 * sales of the customers its links brought. Amounts in the budget's currency; other currencies are left out.
 */
public record ActivityReturn(
        @Nullable UUID activityId,
        String label,
        @Nullable PartnerId partnerId,
        int activities,
        Money spend,
        long clicks,
        long leads,
        Money pipeline,
        Money won) {

    /** Spend ÷ leads; null without leads. */
    public @Nullable Money costPerLead() {
        return leads == 0
                ? null
                : new Money(
                        spend.amount().divide(BigDecimal.valueOf(leads), 4, RoundingMode.HALF_UP), spend.currency());
    }

    /** (won − spend) ÷ spend, as a ratio (1.5 is 150 %); null without spend. */
    public @Nullable BigDecimal roi() {
        return spend.amount().signum() == 0
                ? null
                : won.amount().subtract(spend.amount()).divide(spend.amount(), 4, RoundingMode.HALF_UP);
    }

    ActivityReturn plus(ActivityReturn other) {
        return new ActivityReturn(
                null,
                label,
                partnerId,
                activities + other.activities,
                spend.plus(other.spend),
                clicks + other.clicks,
                leads + other.leads,
                pipeline.plus(other.pipeline),
                won.plus(other.won));
    }
}
