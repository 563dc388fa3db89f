package dev.canopy.isolation;

import dev.canopy.testing.Fixtures;

/** Workspace A: its owner, an API key of its own, and one of its partner users. */
record Attacker(Fixtures.Tenant tenant, String apiKey, String partnerUserEmail) {}
