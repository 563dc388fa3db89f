package dev.canopy.payouts.internal;

import static dev.canopy.payouts.PayoutRunStatus.APPROVED;
import static dev.canopy.payouts.PayoutRunStatus.AWAITING_APPROVAL;
import static dev.canopy.payouts.PayoutRunStatus.CLAIMING;
import static dev.canopy.payouts.PayoutRunStatus.EXPORTED;
import static dev.canopy.payouts.PayoutRunStatus.NOTHING_TO_PAY;
import static dev.canopy.payouts.PayoutRunStatus.PAID;

import dev.canopy.payouts.PayoutRunStatus;
import dev.canopy.shared.Transition;
import java.util.EnumSet;
import java.util.Set;

/**
 * A payout run's phases, written once: claiming ends awaiting approval (or with nothing to pay), then approved,
 * exported, paid. Each phase moves only from the one before, so a phase repeated after a crash moves nothing.
 */
public enum RunLifecycle implements Transition<PayoutRunStatus> {
    CLAIMED(EnumSet.of(CLAIMING), AWAITING_APPROVAL),
    NOTHING_CLAIMED(EnumSet.of(CLAIMING), NOTHING_TO_PAY),
    APPROVE(EnumSet.of(AWAITING_APPROVAL), APPROVED),
    EXPORT(EnumSet.of(APPROVED), EXPORTED),
    PAY(EnumSet.of(EXPORTED), PAID);

    private final Set<PayoutRunStatus> from;
    private final PayoutRunStatus to;

    RunLifecycle(Set<PayoutRunStatus> from, PayoutRunStatus to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public Set<PayoutRunStatus> from() {
        return from;
    }

    @Override
    public PayoutRunStatus to() {
        return to;
    }
}
