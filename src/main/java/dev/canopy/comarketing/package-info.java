/**
 * Co-marketing: market development funds (MDF). A budget per programme and period is allocated to tiers or named
 * partners (an amount, or an accrual on the partner's attributed revenue with a cap); partners request funds for an
 * activity, staff approve (two people above the budget's threshold), partners claim what they spent with receipts,
 * each line is accepted, reduced or denied, and an approved claim is reimbursed through the next payout run and
 * posted in the ledger. ADRs 28 and 30.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Co-marketing",
        allowedDependencies = {
            "shared",
            "platform",
            "identity",
            "audit",
            "partners",
            "programs",
            "tracking",
            "ledger",
            "payouts",
            "enablement",
            "deals"
        })
package dev.canopy.comarketing;
