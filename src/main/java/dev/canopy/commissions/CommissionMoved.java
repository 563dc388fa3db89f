package dev.canopy.commissions;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/**
 * A commission was approved (by finance or at the end of its hold), declined, held for review or released
 * from it: {@code to} says which, {@code by} who, {@code reason} why (null when none was needed).
 */
public record CommissionMoved(
        WorkspaceId workspace,
        CommissionId commission,
        PartnerId partner,
        CommissionStatus to,
        Money amount,
        String by,
        String reason,
        Instant at)
        implements DomainEvent {}
