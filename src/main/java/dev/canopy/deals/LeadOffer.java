package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One offer of a lead to a partner, and how it ended. */
public record LeadOffer(
        PartnerId partnerId,
        String partnerName,
        @Nullable UUID ruleId,
        Instant offeredAt,
        Instant respondBy,
        Outcome outcome,
        @Nullable String reason,
        @Nullable Instant decidedAt) {

    public enum Outcome {
        PENDING,
        ACCEPTED,
        DECLINED,
        EXPIRED
    }

    public LeadOffer withPartnerName(String name) {
        return new LeadOffer(partnerId, name, ruleId, offeredAt, respondBy, outcome, reason, decidedAt);
    }
}
