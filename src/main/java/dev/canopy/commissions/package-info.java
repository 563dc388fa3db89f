/**
 * Commissions: each programme's plan of rules, the engine that turns attributed conversions and won deals
 * into commissions (rate and exchange rate locked when created), their lifecycle (pending for the hold
 * period, approved, in a payout, paid; held for fraud review, declined, reversed, clawed back), fraud
 * rules, and exchange rates. Approved money is posted to the {@link dev.canopy.ledger.Ledger}.
 *
 * <h2>Events consumed</h2>
 * {@link dev.canopy.tracking.ConversionAttributed} (leads, sales, refunds) and {@link dev.canopy.deals.DealWon}.
 *
 * <h2>Extension points</h2>
 * {@link dev.canopy.commissions.PartnerIdentities}: which partners share payout details or a tax id with
 * another (payouts implements it) for the duplicate-accounts fraud rule. {@link dev.canopy.commissions.PayoutClaims}
 * is how payout runs take approved commissions and mark them paid.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Commissions",
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "audit",
            "partners",
            "programs",
            "ledger",
            "tracking",
            "deals"
        })
package dev.canopy.commissions;
