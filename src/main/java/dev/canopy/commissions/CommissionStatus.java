package dev.canopy.commissions;

import dev.canopy.shared.Status;

/** Where a commission stands. PAID, DECLINED, REVERSED and RECORDED are final. */
public enum CommissionStatus implements Status {
    PENDING("Pending"),
    HELD("Held for review"),
    APPROVED("Approved"),
    IN_PAYOUT("In a payout"),
    PAID("Paid"),
    DECLINED("Declined"),
    REVERSED("Reversed"),
    /** A reseller margin: recorded and reported, not paid out. */
    RECORDED("Recorded (margin)");

    private final String label;

    CommissionStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Tone tone() {
        return switch (this) {
            case PENDING -> Tone.WAITING;
            case HELD -> Tone.STOPPED;
            case APPROVED -> Tone.DONE;
            case IN_PAYOUT -> Tone.NOTED;
            case PAID -> Tone.UNDER_WAY;
            case DECLINED, REVERSED, RECORDED -> Tone.ENDED;
        };
    }
}
