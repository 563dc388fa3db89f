package dev.canopy.deals;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * Why a won deal was classified as it was: the partner's documented actions with their times, and
 * when (and by what record) the vendor's opportunity existed.
 */
public record SourcingEvidence(List<PartnerAction> actions, Instant opportunityOpenedAt, String opportunitySource) {

    /** A documented action of the partner's: a registration, an accepted lead, a click. */
    public record PartnerAction(
            @Schema(
                    description = "What was done, such as REGISTRATION, LEAD_ACCEPTED, CUSTOMER or"
                            + " OPEN_OPPORTUNITY: new kinds may come")
            String kind,

            Instant at,
            String reference) {}
}
