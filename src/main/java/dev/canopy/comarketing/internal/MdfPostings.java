package dev.canopy.comarketing.internal;

import dev.canopy.ledger.Account;
import dev.canopy.ledger.LedgerEntry;
import dev.canopy.ledger.Leg;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.Reimbursements;
import dev.canopy.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The ledger entry of an approved claim: the vendor's MDF expense, owed to the partner until a payout pays it. */
public final class MdfPostings {

    private MdfPostings() {}

    public static LedgerEntry approved(UUID claim, String reference, PartnerId partner, Money amount, Instant at) {
        return new LedgerEntry(
                "mdf-claim-approved:" + claim,
                Reimbursements.LEDGER_KIND,
                "MDF claim of " + reference + " approved",
                at,
                List.of(
                        Leg.debit(Account.MDF_EXPENSE, partner, amount, claim),
                        Leg.credit(Account.PARTNER_PAYABLE, partner, amount, claim)));
    }
}
