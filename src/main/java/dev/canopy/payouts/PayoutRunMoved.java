package dev.canopy.payouts;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** A payout run was started, approved, exported or marked paid ({@code status}), and by whom. */
public record PayoutRunMoved(
        WorkspaceId workspace, UUID run, String reference, PayoutRunStatus status, String by, Instant at)
        implements DomainEvent {}
