package dev.canopy.deals;

import dev.canopy.partners.PartnerAction;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/** A partner accepted a lead offered to it. */
public record LeadAccepted(WorkspaceId workspace, LeadId leadId, PartnerId partner, Instant at)
        implements PartnerAction {}
