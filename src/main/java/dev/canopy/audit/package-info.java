/** The audit log: who changed what, when, with the state before and after. Append-only. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"shared", "platform"})
package dev.canopy.audit;
