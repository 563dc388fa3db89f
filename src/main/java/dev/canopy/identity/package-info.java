/**
 * Workspaces, the people who work in them and their roles, invitations, password resets, API keys,
 * partner-portal users, and the security configuration that checks every request.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"shared", "platform", "audit"})
package dev.canopy.identity;
