/**
 * Deals: partners register opportunities, checked at write time for conflicts (same registrable domain
 * or a similar company name, by PostgreSQL trigram similarity) with other registrations, the vendor's
 * customers and open opportunities; staff approve within the review clock (business days), granting
 * the programme's protection period, or reject with a reason; deals move through stages to won or lost,
 * and a won deal is classified partner-sourced or influenced from timestamps. Leads go to partners by
 * hand or by routing rules, with an answer clock. Account mapping compares the vendor's and a partner's
 * account lists over salted hashes of registrable domains, at the sharing level both allow.
 *
 * <h2>Events</h2>
 * <ul>
 *   <li>{@link dev.canopy.deals.DealRegistrationApproved}: a partner holds an account until
 *       {@code protectedUntil} (published again on extension) — it wins attribution over clicks and coupons.
 *   <li>{@link dev.canopy.deals.DealRegistrationEnded}: rejected, expired or lost — the protection is over.
 *   <li>{@link dev.canopy.deals.DealWon}: the commission engine pays on it ({@code amount} and its
 *       {@link dev.canopy.deals.RevenueBasis}); tiers count it (recorded here through {@code Tiers}).
 *   <li>{@link dev.canopy.deals.DealSourcingChanged}: staff overrode a won deal's classification.
 * </ul>
 *
 * <h2>Extension points</h2>
 * {@link dev.canopy.deals.KnownCustomers} (the vendor's customers another module knows) and
 * {@link dev.canopy.deals.PartnerTouches} (a partner's clicks and other documented actions): tracking
 * implements them; with no implementation the vendor's uploaded account list stands in for customers.
 * {@link dev.canopy.deals.Deals#protecting} answers which registration protects an account at a moment.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Deals",
        // Tracking depends on deals (it listens to its events and implements its extension points), never
        // the other way round.
        allowedDependencies = {"shared", "platform", "identity", "audit", "partners", "programs"})
package dev.canopy.deals;
