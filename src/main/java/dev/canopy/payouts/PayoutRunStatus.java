package dev.canopy.payouts;

import dev.canopy.shared.Status;

/** A run's phase; each is reached once, in this order, or a run that found nothing to pay is closed at once. */
public enum PayoutRunStatus implements Status {
    CLAIMING("Preparing"),
    AWAITING_APPROVAL("Awaiting approval"),
    APPROVED("Approved"),
    EXPORTED("Exported"),
    PAID("Paid"),
    NOTHING_TO_PAY("Nothing to pay");

    private final String label;

    PayoutRunStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Tone tone() {
        return switch (this) {
            case PAID -> Tone.DONE;
            case AWAITING_APPROVAL -> Tone.WAITING;
            case CLAIMING, NOTHING_TO_PAY -> Tone.ENDED;
            case APPROVED, EXPORTED -> Tone.UNDER_WAY;
        };
    }

    /** Done: no other run can start while a run is not. */
    public boolean closed() {
        return this == PAID || this == NOTHING_TO_PAY;
    }
}
