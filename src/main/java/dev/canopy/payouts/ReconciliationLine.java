package dev.canopy.payouts;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;

/**
 * One partner's money in one currency, from the ledger: commissions earned (approved), reimbursements (MDF)
 * approved, commissions reversed and clawed back after refunds, declined after approval, paid out (gross
 * commissions and reimbursements), tax withheld, GST added, and the balance still owed (negative: the partner owes
 * a clawback back). earned + reimbursed − reversed − clawed back − declined − paid = balance, always.
 */
public record ReconciliationLine(
        PartnerId partner,
        String partnerName,
        String currency,
        Money earned,
        Money reimbursed,
        Money reversed,
        Money clawedBack,
        Money declined,
        Money paid,
        Money taxWithheld,
        Money gstAdded,
        Money balance) {

    public boolean reconciles() {
        return earned.plus(reimbursed)
                .minus(reversed)
                .minus(clawedBack)
                .minus(declined)
                .minus(paid)
                .equals(balance);
    }
}
