package dev.canopy.campaigns;

/** Why a member of the segment was not mailed. */
public enum SkipReason {
    UNSUBSCRIBED("Unsubscribed from this workspace's campaigns"),
    PREFERENCE("Chose the portal or the daily digest for announcements"),
    NO_ADDRESS("No partner user has joined the portal");

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
