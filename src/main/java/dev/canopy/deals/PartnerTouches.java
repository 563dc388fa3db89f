package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.util.List;

/**
 * Documented actions of a partner's recorded by other modules (tracking's clicks), as evidence when a won
 * deal is classified as partner-sourced or influenced. Zero implementations is valid.
 */
public interface PartnerTouches {

    /** The partner's actions that concern the account at {@code registrableDomain}. */
    List<SourcingEvidence.PartnerAction> touches(WorkspaceId workspace, PartnerId partner, String registrableDomain);
}
