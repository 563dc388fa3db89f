package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import java.time.Instant;
import java.util.UUID;

/** The approved registration that protects an account at a moment: its partner wins the attribution. */
public record ProtectedDeal(UUID dealId, PartnerId partner, String registrableDomain, Instant protectedUntil) {}
