package dev.canopy.payouts;

import dev.canopy.ledger.Account;
import dev.canopy.ledger.Ledger;
import dev.canopy.ledger.LedgerEntry;
import dev.canopy.ledger.Leg;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reimbursements as comarketing will owe them, in memory until it exists: a test approves one (posting debit
 * MDF_EXPENSE / credit PARTNER_PAYABLE as comarketing will), and runs claim, release and pay them through
 * {@link Reimbursements}.
 */
class ReimbursementsForTests implements Reimbursements {

    /** One approved claim; {@code run} is the run holding it, if any. */
    private static final class Claim {
        final WorkspaceId workspace;
        final PartnerId partner;
        final Money amount;
        final Instant approvedAt;
        UUID run;
        boolean paid;

        Claim(WorkspaceId workspace, PartnerId partner, Money amount, Instant approvedAt) {
            this.workspace = workspace;
            this.partner = partner;
            this.amount = amount;
            this.approvedAt = approvedAt;
        }
    }

    private final List<Claim> claims = new ArrayList<>();
    private final Ledger ledger;
    private final TransactionTemplate tx;

    ReimbursementsForTests(Ledger ledger, TransactionTemplate tx) {
        this.ledger = ledger;
        this.tx = tx;
    }

    /** An approved claim of {@code amount}, owed to {@code partner} from {@code at}. */
    synchronized void approve(WorkspaceId workspace, PartnerId partner, Money amount, Instant at) {
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> ledger.post(
                workspace,
                new LedgerEntry(
                        "mdf:" + id,
                        LEDGER_KIND,
                        "MDF claim approved",
                        at,
                        List.of(
                                Leg.debit(Account.MDF_EXPENSE, partner, amount, id),
                                Leg.credit(Account.PARTNER_PAYABLE, partner, amount, id)))));
        claims.add(new Claim(workspace, partner, amount, at));
    }

    /** How many of the partner's claims are paid. */
    synchronized long paid(WorkspaceId workspace, PartnerId partner) {
        return claims.stream()
                .filter(c -> c.workspace.equals(workspace) && c.partner.equals(partner) && c.paid)
                .count();
    }

    @Override
    public synchronized int claim(WorkspaceId workspace, UUID run, Instant cutoff) {
        List<Claim> due = matching(unheld(workspace, cutoff));
        due.forEach(c -> c.run = run);
        return due.size();
    }

    @Override
    public synchronized List<Owed> owed(WorkspaceId workspace, UUID run) {
        return summed(matching(c -> c.workspace.equals(workspace) && run.equals(c.run)));
    }

    @Override
    public synchronized List<Owed> preview(WorkspaceId workspace, Instant cutoff) {
        return summed(matching(unheld(workspace, cutoff)));
    }

    @Override
    public synchronized void release(WorkspaceId workspace, UUID run, PartnerId partner, String currency) {
        matching(c -> c.workspace.equals(workspace)
                        && run.equals(c.run)
                        && !c.paid
                        && c.partner.equals(partner)
                        && c.amount.currencyCode().equals(currency))
                .forEach(c -> c.run = null);
    }

    @Override
    public synchronized int markPaid(WorkspaceId workspace, UUID run) {
        List<Claim> held = matching(c -> c.workspace.equals(workspace) && run.equals(c.run) && !c.paid);
        held.forEach(c -> c.paid = true);
        return held.size();
    }

    private static Predicate<Claim> unheld(WorkspaceId workspace, Instant cutoff) {
        return c -> c.workspace.equals(workspace) && c.run == null && !c.approvedAt.isAfter(cutoff);
    }

    private List<Claim> matching(Predicate<Claim> which) {
        return claims.stream().filter(which).toList();
    }

    private static List<Owed> summed(List<Claim> claims) {
        record Key(PartnerId partner, String currency) {}
        Map<Key, Owed> owed = new LinkedHashMap<>();
        for (Claim c : claims) {
            owed.merge(
                    new Key(c.partner, c.amount.currencyCode()),
                    new Owed(c.partner, c.amount, 1),
                    (a, b) -> new Owed(a.partner(), a.amount().plus(b.amount()), a.count() + b.count()));
        }
        return List.copyOf(owed.values());
    }
}
