/**
 * Analytics: what the ecosystem is worth, as a finance person would sign it. Reads the daily rollups that
 * tracking keeps ({@link dev.canopy.tracking.DailyActivity}), converts amounts into the workspace's reporting
 * currency at each day's rate ({@link dev.canopy.commissions.ExchangeRates}) and names partners and
 * programmes. Every figure is defined once ({@link dev.canopy.analytics.Kpi}) and the page of definitions shows
 * the same words. Owns no tables yet and publishes no events.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "partners",
            "programs",
            "tracking",
            "deals",
            "commissions"
        })
package dev.canopy.analytics;
