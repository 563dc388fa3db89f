package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/** A partner's tracking link was made, by staff, by the partner or as its first personal link. */
public record LinkCreated(
        WorkspaceId workspace,
        LinkId link,
        PartnerId partner,
        ProgramId program,
        String slug,
        String destination,
        Instant at)
        implements DomainEvent {}
