/**
 * Partner programmes: their value proposition and versioned terms, recruitment through a public
 * application form with scoring and automatic decisions, memberships, and tiers evaluated over partner
 * metrics with a demotion grace period and a what-if simulation.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Programmes",
        allowedDependencies = {"shared", "platform", "identity", "audit", "partners"})
package dev.canopy.programs;
