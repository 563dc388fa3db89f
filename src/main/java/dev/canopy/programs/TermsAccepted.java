package dev.canopy.programs;

import dev.canopy.partners.PartnerAction;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/** A partner accepted a version of a programme's terms. */
public record TermsAccepted(WorkspaceId workspace, ProgramId program, PartnerId partner, int version, Instant at)
        implements PartnerAction {}
