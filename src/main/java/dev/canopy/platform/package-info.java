/**
 * Infrastructure every module stands on: the database (embedded for the demo and tests), time, mail,
 * the tenant of the current request, API error and idempotency handling. No business rules.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {"shared"})
package dev.canopy.platform;
