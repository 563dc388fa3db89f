package dev.canopy.deals;

import dev.canopy.partners.PartnerAction;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/** A partner registered a deal; it waits for the vendor's review. */
public record DealRegistered(
        WorkspaceId workspace,
        DealId dealId,
        PartnerId partner,
        ProgramId program,
        String accountName,
        String registrableDomain,
        Money amount,
        Instant at)
        implements PartnerAction {}
