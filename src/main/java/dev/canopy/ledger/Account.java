package dev.canopy.ledger;

/**
 * The accounts commissions and payouts move money between. Partner accounts are kept per partner; the
 * others are the vendor's. A positive posting is a debit, a negative one a credit.
 */
public enum Account {
    /** What the vendor spends on commissions (debit balance). */
    COMMISSION_EXPENSE(false),
    /** Approved commissions the vendor owes a partner and has not paid yet (credit balance; a debit balance
     * is a clawback the partner owes back, netted from its next payout). */
    PARTNER_PAYABLE(true),
    /** Paid out in a run, on its way through the bank or provider. */
    PAYOUT_CLEARING(false),
    /** The vendor's money that left for partners. */
    CASH(false),
    /** Tax withheld from partners (TDS) that the vendor owes the tax authority. */
    TAX_WITHHELD(false),
    /** GST added to a commission, which the vendor claims back as input credit. */
    GST_INPUT(false),
    /**
     * What the vendor spends on market development funds (debit balance): comarketing debits it and credits
     * PARTNER_PAYABLE when a reimbursement claim is approved; a payout run then pays it out with the partner's line.
     */
    MDF_EXPENSE(false);

    private final boolean perPartner;

    Account(boolean perPartner) {
        this.perPartner = perPartner;
    }

    public boolean perPartner() {
        return perPartner;
    }
}
