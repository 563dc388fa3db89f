package dev.canopy.campaigns;

/** What sends a campaign: staff, once, to its segment; or an event, to the partner users it concerns. */
public enum CampaignTrigger {
    SEGMENT("Sent once to the segment"),
    PARTNER_JOINED("A partner user joined the portal"),
    NO_LEAD_AFTER_DAYS("Days after joining with no lead"),
    TIER_CHANGED("The partner's tier changed"),
    CERTIFICATION_EXPIRING("A certification is expiring"),
    FIRST_COMMISSION("The partner's first commission");

    private final String label;

    CampaignTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean triggered() {
        return this != SEGMENT;
    }
}
