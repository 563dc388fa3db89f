package dev.canopy.commissions.internal;

import dev.canopy.commissions.CommissionKind;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.CommissionView;
import dev.canopy.ledger.Ledger;
import dev.canopy.ledger.LedgerEntry;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Refunds: what each commission on the refunded sale gives back, and the ledger entries for it. */
@Component
public class Refunds {

    private final SourceTable sources;
    private final CommissionTable commissions;
    private final Ledger ledger;

    Refunds(SourceTable sources, CommissionTable commissions, Ledger ledger) {
        this.sources = sources;
        this.commissions = commissions;
        this.ledger = ledger;
    }

    /**
     * A refund gives back the refunded share of each commission on the sale: before payout as a reversal
     * that travels with it (the commission is reversed outright when fully refunded), after payout as a
     * clawback approved at once and netted from the partner's next payout.
     */
    public void giveBack(WorkspaceId workspace, CommissionSource refund, Instant now) {
        SourceTable.SaleAmount sale = sources.sale(workspace, refund.reverses()).orElse(null);
        if (sale == null || sale.amount().signum() == 0 || !sale.currency().equals(refund.currency())) {
            return;
        }
        BigDecimal share =
                refund.amount().divide(sale.amount(), MathContext.DECIMAL128).min(BigDecimal.ONE);
        List<LedgerEntry> entries = new ArrayList<>();
        for (CommissionView original : commissions.bySource(workspace, refund.reverses())) {
            if (original.kind() != CommissionKind.EARNED || original.amount().isZero()) {
                continue;
            }
            Money left = original.amount();
            for (CommissionView back : commissions.givenBack(workspace, original.id())) {
                left = left.plus(back.amount());
            }
            Money amount = original.amount().times(share);
            if (amount.compareTo(left) > 0) {
                amount = left;
            }
            if (amount.isZero()) {
                continue;
            }
            boolean paid =
                    original.status() == CommissionStatus.IN_PAYOUT || original.status() == CommissionStatus.PAID;
            CommissionStatus status = switch (original.status()) {
                case PENDING, HELD, APPROVED, RECORDED -> original.status();
                case IN_PAYOUT, PAID -> CommissionStatus.APPROVED;
                case DECLINED, REVERSED -> null;
            };
            if (status == null) {
                continue;
            }
            Money base = original.base() == null
                    ? null
                    : original.base().times(share).negate();
            CommissionKind kind = paid ? CommissionKind.CLAWBACK : CommissionKind.REVERSAL;
            commissions.insertGiveBack(
                    workspace, refund.id(), original, kind, status, amount.negate(), base, now, refund.occurredAt());
            if (status == CommissionStatus.APPROVED && original.payable()) {
                commissions.givenBack(workspace, original.id()).stream()
                        .filter(b -> refund.id().equals(b.sourceId()))
                        .forEach(b -> entries.add(CommissionPostings.approved(
                                new CommissionTable.Moved(b.id(), b.partner(), b.kind(), b.amount(), true), now)));
            }
            if (!paid && amount.equals(left) && status != CommissionStatus.RECORDED) {
                commissions.markReversed(workspace, original.id());
            }
        }
        ledger.post(workspace, entries);
    }
}
