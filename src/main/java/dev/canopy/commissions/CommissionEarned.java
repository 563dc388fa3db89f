package dev.canopy.commissions;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/**
 * A commission was made: earned on a sale, lead, won deal, clicks or a bounty ({@link CommissionKind#EARNED}),
 * or a negative one giving back part of an earlier commission after a refund ({@code REVERSAL} before it
 * was paid, {@code CLAWBACK} after); {@code reverses} is that commission, else null. {@code status} is where
 * it starts: pending its hold, held for review, approved or recorded.
 */
public record CommissionEarned(
        WorkspaceId workspace,
        CommissionId commission,
        PartnerId partner,
        ProgramId program,
        CommissionKind kind,
        CommissionStatus status,
        Money amount,
        CommissionId reverses,
        Instant at)
        implements DomainEvent {}
