package dev.canopy.payouts.internal;

import dev.canopy.commissions.PayoutClaims;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.Reimbursements;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a run holds: the commissions' claims and every module's {@link Reimbursements}, claimed, released and marked
 * paid together, and merged per partner and currency into what each line is made of. Each call joins the run's
 * transaction.
 */
@Component
public class RunClaims {

    /**
     * One partner's money in one currency: its commissions ({@code commissions.total()} zero, with no minimum, when it
     * has only reimbursements) and the reimbursements beside them.
     */
    public record Due(PayoutClaims.Group commissions, Money reimbursed, int reimbursements) {

        public PartnerId partner() {
            return commissions.partner();
        }

        /** Commissions and reimbursements together: what the minimum and the carry of a negative balance look at. */
        public Money total() {
            return commissions.total().plus(reimbursed);
        }
    }

    private record Key(PartnerId partner, String currency) {}

    private final PayoutClaims claims;
    private final List<Reimbursements> reimbursements;

    RunClaims(PayoutClaims claims, List<Reimbursements> reimbursements) {
        this.claims = claims;
        this.reimbursements = reimbursements;
    }

    /** Claims the approved commissions and reimbursements no run holds, approved at or before {@code cutoff}. */
    public void claim(WorkspaceId workspace, UUID run, Instant cutoff) {
        claims.claim(workspace, run, cutoff);
        reimbursements.forEach(r -> r.claim(workspace, run, cutoff));
    }

    /** What {@code run} claimed, per partner and currency. */
    public List<Due> due(WorkspaceId workspace, UUID run) {
        List<Reimbursements.Owed> owed = new ArrayList<>();
        reimbursements.forEach(r -> owed.addAll(r.owed(workspace, run)));
        return merged(claims.groups(workspace, run), owed);
    }

    /** What a run started now would claim, with nothing claimed. */
    public List<Due> preview(WorkspaceId workspace, Instant cutoff) {
        List<Reimbursements.Owed> owed = new ArrayList<>();
        reimbursements.forEach(r -> owed.addAll(r.preview(workspace, cutoff)));
        return merged(claims.preview(workspace, cutoff), owed);
    }

    /** Gives a carried line's commissions and reimbursements back for the next run. */
    public void release(WorkspaceId workspace, UUID run, PartnerId partner, String currency) {
        claims.release(workspace, run, partner, currency);
        reimbursements.forEach(r -> r.release(workspace, run, partner, currency));
    }

    public void markPaid(WorkspaceId workspace, UUID run) {
        claims.markPaid(workspace, run);
        reimbursements.forEach(r -> r.markPaid(workspace, run));
    }

    /** Commission groups in their order, each with its reimbursements; then partners with reimbursements only. */
    private static List<Due> merged(List<PayoutClaims.Group> groups, List<Reimbursements.Owed> owed) {
        Map<Key, Reimbursements.Owed> byKey = new LinkedHashMap<>();
        for (Reimbursements.Owed o : owed) {
            byKey.merge(
                    new Key(o.partner(), o.amount().currencyCode()),
                    o,
                    (a, b) -> new Reimbursements.Owed(a.partner(), a.amount().plus(b.amount()), a.count() + b.count()));
        }
        List<Due> due = new ArrayList<>();
        for (PayoutClaims.Group g : groups) {
            Reimbursements.Owed o = byKey.remove(new Key(g.partner(), g.total().currencyCode()));
            due.add(new Due(g, o == null ? Money.zero(g.total().currency()) : o.amount(), o == null ? 0 : o.count()));
        }
        for (Reimbursements.Owed o : byKey.values()) {
            Money zero = Money.zero(o.amount().currency());
            due.add(new Due(new PayoutClaims.Group(o.partner(), zero, 0, zero, List.of()), o.amount(), o.count()));
        }
        return due;
    }
}
