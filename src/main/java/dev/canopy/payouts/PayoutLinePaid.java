package dev.canopy.payouts;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner was paid: one payable line of a run marked paid, its gross commissions, reimbursements (MDF, untaxed) and
 * net in the currency earned and, paid in another currency, {@code paid} in it (else equal to net).
 */
public record PayoutLinePaid(
        WorkspaceId workspace,
        PayoutRunId run,
        UUID line,
        String reference,
        PartnerId partner,
        Money gross,
        Money reimbursed,
        Money net,
        Money paid,
        Instant at)
        implements DomainEvent {}
