/**
 * Imports from other PRMs: a vendor moving from PartnerStack, Rewardful, FirstPromoter, Tolt or Dub uploads their
 * exports and gets its partners, links, customers and commission history in Canopy — rehearsed first (a dry run),
 * then for real, resumable after a crash and idempotent on the other system's ids. ADR 23.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Imports",
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "audit",
            "partners",
            "programs",
            "tracking",
            "commissions",
            "deals"
        })
package dev.canopy.imports;
