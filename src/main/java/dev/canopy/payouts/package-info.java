/**
 * Payouts: runs that pay partners their approved commissions exactly once, per partner and currency,
 * with tax withheld or added as the partner's tax profile and the dated tax rules say (India: TDS under
 * s.194H, GST; US: the 1099 threshold); export files for bulk payment, a payment-provider interface with
 * idempotent batch ids, statements and self-billed invoices, partners' payout and tax details, and the
 * reconciliation of the ledger per partner and currency; the US 1099 report of a calendar year.
 *
 * <p>A run's id and reference are fixed before any side effect; each phase (claim, approve, export, mark
 * paid) is one transaction that checks the run's status first, so a run cut short at any point is
 * continued by the next attempt, never repeated.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Payouts",
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "audit",
            "partners",
            "programs",
            "ledger",
            "commissions"
        })
package dev.canopy.payouts;
