package dev.canopy.commissions.internal;

import dev.canopy.commissions.CommissionEarned;
import dev.canopy.commissions.CommissionId;
import dev.canopy.commissions.CommissionKind;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.CommissionView;
import dev.canopy.ledger.Ledger;
import dev.canopy.ledger.LedgerEntry;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Refunds: what each commission on the refunded sale gives back, and the ledger entries for it.
 *
 * <p>The end state does not depend on the order in which the sale, its refunds and the (asynchronous)
 * pricing arrive: each give-back brings the commission down to what the rule pays on what is left of the
 * sale after every refund known so far — the rate on the net for a rate (never above what was first
 * earned, so a cap still holds), the refunded share for a flat amount, zero once the whole invoice is
 * refunded — and a refund that arrives before its sale's commission exists is given back as soon as the
 * sale is priced ({@link #giveBackWaiting}).
 */
@Component
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final SourceTable sources;
    private final CommissionTable commissions;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;

    Refunds(SourceTable sources, CommissionTable commissions, Ledger ledger, ApplicationEventPublisher events) {
        this.sources = sources;
        this.commissions = commissions;
        this.ledger = ledger;
        this.events = events;
    }

    /** Gives back for refunds that arrived before their sale's commissions existed, once they do. */
    public void giveBackWaiting(WorkspaceId workspace, Collection<java.util.UUID> sales, Instant now) {
        sources.lockRefunds(workspace);
        for (SourceTable.Refund refund : sources.refundsNotGivenBack(workspace, sales)) {
            giveBack(workspace, refund, now);
        }
    }

    /**
     * A refund gives back the refunded share of each commission on the sale: before payout as a reversal
     * that travels with it (the commission is reversed outright when fully refunded), after payout as a
     * clawback approved at once and netted from the partner's next payout. Nothing happens yet when the sale
     * or its commissions are not there: {@link #giveBackWaiting} does it when they are.
     */
    public void giveBack(WorkspaceId workspace, SourceTable.Refund refund, Instant now) {
        SourceTable.SaleAmount sale = sources.sale(workspace, refund.reverses()).orElse(null);
        if (sale == null || sale.amount().signum() == 0) {
            return;
        }
        if (!sale.currency().equals(refund.currency())) {
            // The events API refuses such a refund when the sale is known; one kept waiting is refused there too.
            log.warn(
                    "Refund {} is in {}, its sale in {}: not given back",
                    refund.id(),
                    refund.currency(),
                    sale.currency());
            return;
        }
        BigDecimal refunded = sources.refundedOf(workspace, refund.reverses(), sale.currency());
        BigDecimal net = sale.amount().subtract(refunded).max(BigDecimal.ZERO);
        // The part of this refund the invoice still had: what the reversal's explanation is a share of.
        BigDecimal applied = refund.amount()
                .min(sale.amount().subtract(refunded.subtract(refund.amount())).max(BigDecimal.ZERO));
        List<LedgerEntry> entries = new ArrayList<>();
        for (CommissionView original : commissions.bySource(workspace, refund.reverses())) {
            if (original.kind() != CommissionKind.EARNED || original.amount().isZero()) {
                continue;
            }
            List<CommissionView> back = commissions.givenBack(workspace, original.id());
            if (back.stream().anyMatch(b -> refund.id().equals(b.sourceId()))) {
                continue;
            }
            Money left = original.amount();
            for (CommissionView b : back) {
                left = left.plus(b.amount());
            }
            Money amount = left.minus(onNet(original, net, sale.amount()));
            if (amount.isNegative() || amount.isZero()) {
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
                    : new Money(applied.negate(), original.base().currency());
            CommissionKind kind = paid ? CommissionKind.CLAWBACK : CommissionKind.REVERSAL;
            commissions
                    .insertGiveBack(
                            workspace,
                            refund.id(),
                            original,
                            kind,
                            status,
                            amount.negate(),
                            base,
                            now,
                            refund.occurredAt())
                    .ifPresent(id -> events.publishEvent(new CommissionEarned(
                            workspace,
                            new CommissionId(id),
                            original.partner(),
                            original.program(),
                            kind,
                            status,
                            amount.negate(),
                            new CommissionId(original.id()),
                            refund.occurredAt())));
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

    /**
     * What the commission comes to on {@code net} of a sale of {@code total}: the rule's rate on the net for a
     * rate, never more than first earned (a cap holds); the net's share of a flat amount; rounded as the engine
     * rounds, half up at the currency's minor unit.
     */
    static Money onNet(CommissionView original, BigDecimal net, BigDecimal total) {
        Money earned = original.amount();
        int scale = earned.amount().scale();
        BigDecimal due;
        if (original.rate() != null && original.base() != null) {
            BigDecimal fx = original.fxRate() == null ? BigDecimal.ONE : original.fxRate();
            due = net.multiply(fx)
                    .multiply(original.rate())
                    .divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_UP)
                    .min(earned.amount());
        } else {
            due = earned.amount()
                    .multiply(net)
                    .divide(total, MathContext.DECIMAL128)
                    .setScale(scale, RoundingMode.HALF_UP);
        }
        return new Money(due, earned.currency());
    }
}
