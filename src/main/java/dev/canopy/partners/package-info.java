/**
 * Partner companies: their types, regions, verticals and contacts, their lifecycle from invitation or
 * application to archive, and dormancy.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Partners",
        allowedDependencies = {"shared", "platform", "identity", "audit"})
package dev.canopy.partners;
