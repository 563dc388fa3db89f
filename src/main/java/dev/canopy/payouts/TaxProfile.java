package dev.canopy.payouts;

import dev.canopy.partners.PartnerId;
import java.time.Instant;

/**
 * A partner's tax details: an Indian partner's PAN and, when GST-registered, GSTIN; a US partner's W-9 or
 * W-8 status and tax id.
 */
public record TaxProfile(
        PartnerId partner,
        String country,
        String legalName,
        String address,
        String pan,
        String gstin,
        String usForm,
        String taxId,
        Instant updatedAt,
        String updatedBy) {

    public boolean gstRegistered() {
        return gstin != null;
    }
}
