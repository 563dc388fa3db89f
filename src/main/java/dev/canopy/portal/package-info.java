/** The partner portal's pages that compose several modules. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Portal",
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "partners",
            "programs",
            "tracking",
            "deals",
            "commissions",
            "payouts",
            "analytics",
            "communications"
        })
package dev.canopy.portal;
