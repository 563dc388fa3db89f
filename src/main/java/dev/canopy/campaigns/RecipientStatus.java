package dev.canopy.campaigns;

import dev.canopy.shared.Status;

/**
 * Where one recipient of a campaign stands: waiting, being sent (claimed by a sender), sent, opened, bounced, failed
 * (the mail server refused it, or the sender stopped while sending: never retried, so never mailed twice) or
 * skipped (with a {@link SkipReason}).
 */
public enum RecipientStatus implements Status {
    PENDING("Waiting"),
    SENDING("Sending"),
    SENT("Sent"),
    OPENED("Opened"),
    BOUNCED("Bounced"),
    FAILED("Failed"),
    SKIPPED("Skipped");

    private final String label;

    RecipientStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Tone tone() {
        return switch (this) {
            case PENDING, SENDING -> Tone.WAITING;
            case SENT -> Tone.UNDER_WAY;
            case OPENED -> Tone.DONE;
            case BOUNCED, FAILED -> Tone.STOPPED;
            case SKIPPED -> Tone.ENDED;
        };
    }
}
