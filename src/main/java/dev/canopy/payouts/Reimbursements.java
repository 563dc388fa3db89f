package dev.canopy.payouts;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Money other modules owe partners outside commissions (MDF reimbursements), paid through payout runs. Implementations
 * join the run's transaction.
 *
 * <p>A run calls these wherever it calls the commissions' claims: it claims, merges what was claimed into the
 * partner's line of that currency (untaxed: a reimbursement of documented expenses is not commission income),
 * releases a carried line's share and marks the rest paid when the run is. The approval posts debit {@code
 * MDF_EXPENSE} / credit {@code PARTNER_PAYABLE} under ledger kind {@link #LEDGER_KIND}; the run's payout entry then
 * debits {@code PARTNER_PAYABLE} by gross + reimbursed. A run that claims nothing payable releases every line, so no
 * run is ever left holding a reimbursement it does not pay.
 */
public interface Reimbursements {

    /** The ledger kind of an approved reimbursement's posting: the reconciliation shows it as reimbursed. */
    String LEDGER_KIND = "mdf.claim-approved";

    /** Reimbursements owed to one partner in one currency, claimed by a run (or due now, in a preview). */
    record Owed(PartnerId partner, Money amount, int count) {}

    /** Claims every approved reimbursement no run holds, approved at or before cutoff; answers how many. */
    int claim(WorkspaceId workspace, UUID run, Instant cutoff);

    /** What a run claimed, per partner and currency. */
    List<Owed> owed(WorkspaceId workspace, UUID run);

    /** What a run started now would claim, without claiming it. */
    List<Owed> preview(WorkspaceId workspace, Instant cutoff);

    /** Gives a carried partner's reimbursements in that currency back for the next run. */
    void release(WorkspaceId workspace, UUID run, PartnerId partner, String currency);

    /** Marks what the run claimed (and did not release) paid; answers how many. */
    int markPaid(WorkspaceId workspace, UUID run);
}
