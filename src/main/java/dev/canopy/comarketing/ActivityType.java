package dev.canopy.comarketing;

/** What a partner spends market development funds on. */
public enum ActivityType {
    EVENT("Event"),
    WEBINAR("Webinar"),
    ADVERTISING("Advertising"),
    CONTENT("Content"),
    EMAIL("Email campaign"),
    TRADE_SHOW("Trade show"),
    OTHER("Other");

    private final String label;

    ActivityType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
