package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import java.time.Instant;
import java.util.UUID;

/**
 * The approved registration that protects an account at a moment (or that was won): its partner wins the
 * attribution of the account's customers.
 */
public record ProtectedDeal(
        UUID dealId,
        PartnerId partner,
        ProgramId program,
        String registrableDomain,
        Instant approvedAt,
        Instant protectedUntil) {}
