/**
 * The public partner directory (locator): a page per workspace, its JSON and an embeddable script listing the
 * partners who opted in, filtered by type, region, industry, service, certification and tier and ranked by tier,
 * then certified people; a profile per partner whose contact form becomes a lead for that partner through
 * tracking's intake. Partners write their listing in the portal; staff hide listings and turn the directory on.
 * ADR 29.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Directory",
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "audit",
            "partners",
            "programs",
            "enablement",
            "analytics",
            "tracking"
        })
package dev.canopy.directory;
