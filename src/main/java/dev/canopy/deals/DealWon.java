package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;

/**
 * A registered deal was won. The commission engine pays on it: {@code amount} is first-year contract
 * value for a commission programme, list price for a margin (reseller) programme, as {@code basis} says.
 * {@code sourcing} is the classification at the moment of winning; a later override publishes
 * {@link DealSourcingChanged}.
 */
public record DealWon(
        WorkspaceId workspace,
        DealId dealId,
        PartnerId partner,
        ProgramId program,
        String accountName,
        String registrableDomain,
        Money amount,
        RevenueBasis basis,
        List<String> products,
        Sourcing sourcing,
        Instant wonAt)
        implements DomainEvent {}
