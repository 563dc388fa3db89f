package dev.canopy.commissions.internal;

import static dev.canopy.commissions.CommissionStatus.APPROVED;
import static dev.canopy.commissions.CommissionStatus.DECLINED;
import static dev.canopy.commissions.CommissionStatus.HELD;
import static dev.canopy.commissions.CommissionStatus.IN_PAYOUT;
import static dev.canopy.commissions.CommissionStatus.PAID;
import static dev.canopy.commissions.CommissionStatus.PENDING;
import static dev.canopy.commissions.CommissionStatus.REVERSED;

import dev.canopy.commissions.CommissionStatus;
import dev.canopy.shared.Transition;
import java.util.EnumSet;
import java.util.Set;

/**
 * A commission's life, written once. Pending (in its hold) or held for review, finance approves it; the end of
 * its hold approves a pending one; it is declined (an approved one too, taken back out of the payable), held,
 * released; a payout run claims an approved one, carries it back or pays it; a refund reverses an unpaid one.
 * Paid, declined, reversed and recorded (a reseller's margin) are final.
 */
public enum CommissionLifecycle implements Transition<CommissionStatus> {
    APPROVE(EnumSet.of(PENDING, HELD), APPROVED),
    APPROVE_DUE(EnumSet.of(PENDING), APPROVED),
    DECLINE(EnumSet.of(PENDING, HELD), DECLINED),
    DECLINE_APPROVED(EnumSet.of(APPROVED), DECLINED),
    HOLD(EnumSet.of(PENDING), HELD),
    RELEASE(EnumSet.of(HELD), PENDING),
    CLAIM(EnumSet.of(APPROVED), IN_PAYOUT),
    CARRY(EnumSet.of(IN_PAYOUT), APPROVED),
    PAY(EnumSet.of(IN_PAYOUT), PAID),
    REVERSE(EnumSet.of(PENDING, HELD, APPROVED), REVERSED);

    private final Set<CommissionStatus> from;
    private final CommissionStatus to;

    CommissionLifecycle(Set<CommissionStatus> from, CommissionStatus to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public Set<CommissionStatus> from() {
        return from;
    }

    @Override
    public CommissionStatus to() {
        return to;
    }
}
