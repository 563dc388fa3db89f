package dev.canopy.programs;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** A company applied to a programme through its public page. */
public record ApplicationSubmitted(
        WorkspaceId workspace, UUID application, ProgramId program, String companyName, String email, Instant at)
        implements DomainEvent {}
