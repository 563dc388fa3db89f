package dev.canopy.campaigns;

import dev.canopy.shared.Status;

/**
 * A segment campaign is a draft, scheduled, sending, sent or stopped (by its bounce rate or by staff); a triggered
 * one is a draft until it is switched on (active), then mails each partner user its trigger names.
 */
public enum CampaignStatus implements Status {
    DRAFT("Draft"),
    SCHEDULED("Scheduled"),
    SENDING("Sending"),
    SENT("Sent"),
    ACTIVE("Active"),
    STOPPED("Stopped");

    private final String label;

    CampaignStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Tone tone() {
        return switch (this) {
            case DRAFT -> Tone.NOTED;
            case SCHEDULED -> Tone.WAITING;
            case SENDING, ACTIVE -> Tone.UNDER_WAY;
            case SENT -> Tone.DONE;
            case STOPPED -> Tone.STOPPED;
        };
    }

    /** Whether its words may still change: nothing has been mailed from it yet. */
    public boolean editable() {
        return this == DRAFT || this == SCHEDULED;
    }
}
