package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import java.time.Instant;
import java.util.UUID;

/** One offer of a lead to a partner, and how it ended. */
public record LeadOffer(
        PartnerId partnerId,
        String partnerName,
        UUID ruleId,
        Instant offeredAt,
        Instant respondBy,
        Outcome outcome,
        String reason,
        Instant decidedAt) {

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
