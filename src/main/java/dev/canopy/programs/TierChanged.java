package dev.canopy.programs;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/** A partner moved between tiers of a programme (a null tier is "no tier"), and why. */
public record TierChanged(
        WorkspaceId workspace,
        ProgramId program,
        PartnerId partner,
        String fromTier,
        String toTier,
        String reason,
        Instant at)
        implements DomainEvent {}
