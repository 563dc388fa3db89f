/** The vendor console's pages that compose several modules, starting with the overview. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Console",
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "audit",
            "partners",
            "programs",
            "tracking",
            "deals",
            "commissions",
            "payouts",
            "analytics"
        })
package dev.canopy.console;
