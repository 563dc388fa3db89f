/**
 * Campaigns: e-mail to partner segments. A campaign is written in Markdown with merge fields, previewed and test-sent,
 * then sent once to a segment (enablement's {@link dev.canopy.enablement.Audience}) now or at a time, or triggered
 * for each partner user by what happens to them (joined, a tier changed, a certification expiring, a first
 * commission). Each recipient is mailed exactly once, unsubscribes (one click, RFC 8058) and communications'
 * preferences are honoured, and a campaign whose bounce rate passes the workspace's threshold stops. ADR 32.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Campaigns",
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "audit",
            "partners",
            "programs",
            "enablement",
            "communications",
            "commissions",
            "tracking"
        })
package dev.canopy.campaigns;
