package dev.canopy.deals;

import java.time.Instant;

/** A customer as another module knows it; {@code since} is when it became one (evidence for sourcing). */
public record KnownCustomer(String reference, String name, String registrableDomain, Instant since) {}
