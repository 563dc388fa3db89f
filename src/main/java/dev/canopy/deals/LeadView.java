package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lead, its current partner and answer clock, and (for staff) every offer so far. */
public record LeadView(
        UUID id,
        String accountName,
        String domain,
        String contactName,
        String contactEmail,
        String region,
        String notes,
        LeadStatus status,
        PartnerId partnerId,
        String partnerName,
        Instant respondBy,
        Instant createdAt,
        String createdBy,
        List<LeadOffer> offers) {

    public LeadView with(String partnerName, List<LeadOffer> offers) {
        return new LeadView(
                id,
                accountName,
                domain,
                contactName,
                contactEmail,
                region,
                notes,
                status,
                partnerId,
                partnerName,
                respondBy,
                createdAt,
                createdBy,
                offers);
    }

    /** What a partner sees before accepting: the opportunity, not yet whom to call. */
    public LeadView withoutContact() {
        return new LeadView(
                id,
                accountName,
                domain,
                null,
                null,
                region,
                notes,
                status,
                partnerId,
                partnerName,
                respondBy,
                createdAt,
                createdBy,
                List.of());
    }
}
