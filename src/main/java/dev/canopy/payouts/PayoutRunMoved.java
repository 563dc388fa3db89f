package dev.canopy.payouts;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/** A payout run was started, approved, exported or marked paid ({@code status}), and by whom. */
public record PayoutRunMoved(
        WorkspaceId workspace, PayoutRunId run, String reference, PayoutRunStatus status, String by, Instant at)
        implements DomainEvent {}
