/**
 * Tracking: partner links, the redirect and its click queue, the website snippet, coupons, the events API
 * and Stripe webhook intake, customers and conversions, and the attribution policy that decides which
 * partner a lead, a customer or a sale belongs to — with its evidence.
 *
 * <h2>Events published</h2>
 * {@link dev.canopy.tracking.ConversionAttributed} (leads, sales, refunds, churn), which commissions prices.
 *
 * <h2>Deals</h2>
 * Asks {@link dev.canopy.deals.Deals#protecting} at attribution time (an approved registration outranks
 * clicks and coupons) and implements deals' extension points {@link dev.canopy.deals.KnownCustomers} and
 * {@link dev.canopy.deals.PartnerTouches} (customers and partners' documented actions, for conflicts and
 * sourcing).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Tracking",
        allowedDependencies = {"shared", "platform", "identity", "audit", "partners", "programs", "deals"})
package dev.canopy.tracking;
