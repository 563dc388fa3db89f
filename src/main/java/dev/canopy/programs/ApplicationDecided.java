package dev.canopy.programs;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/**
 * An application was approved (its partner, new or matched, is enrolled) or rejected (with the reason the
 * applicant is told); {@code partner} is null when rejected.
 */
public record ApplicationDecided(
        WorkspaceId workspace,
        UUID application,
        ProgramId program,
        ApplicationStatus status,
        PartnerId partner,
        String reason,
        Instant at)
        implements DomainEvent {}
