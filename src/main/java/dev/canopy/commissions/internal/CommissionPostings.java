package dev.canopy.commissions.internal;

import dev.canopy.commissions.CommissionKind;
import dev.canopy.ledger.Account;
import dev.canopy.ledger.LedgerEntry;
import dev.canopy.ledger.Leg;
import java.time.Instant;
import java.util.List;

/**
 * The ledger entries of a commission's moves. Only approved money is in the ledger: approving owes it
 * (expense to the partner's payable), declining or reversing an approved one takes it back. A negative
 * commission (a reversal or clawback) posts the same entry with the signs flipped by its amount.
 */
public final class CommissionPostings {

    private CommissionPostings() {}

    public static LedgerEntry approved(CommissionTable.Moved c, Instant at) {
        String kind = switch (c.kind()) {
            case EARNED -> "commission";
            case REVERSAL -> "reversal";
            case CLAWBACK -> "clawback";
        };
        return new LedgerEntry(
                "commission-approved:" + c.id(),
                kind,
                (c.kind() == CommissionKind.EARNED ? "Commission approved " : "Refund given back ") + c.id(),
                at,
                List.of(
                        Leg.debit(Account.COMMISSION_EXPENSE, c.partner(), c.amount(), c.id()),
                        Leg.credit(Account.PARTNER_PAYABLE, c.partner(), c.amount(), c.id())));
    }

    /** An approved commission declined after all: the partner is owed it no more. */
    public static LedgerEntry declined(CommissionTable.Moved c, Instant at) {
        return new LedgerEntry(
                "commission-declined:" + c.id(),
                "declined",
                "Approved commission declined " + c.id(),
                at,
                List.of(
                        Leg.debit(Account.PARTNER_PAYABLE, c.partner(), c.amount(), c.id()),
                        Leg.credit(Account.COMMISSION_EXPENSE, c.partner(), c.amount(), c.id())));
    }
}
