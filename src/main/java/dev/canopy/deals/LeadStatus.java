package dev.canopy.deals;

/** Where a lead stands: offered to a partner who has to answer, taken, or with nobody left to offer it to. */
public enum LeadStatus {
    OFFERED("Offered"),
    ACCEPTED("Accepted"),
    UNASSIGNED("No partner left");

    private final String label;

    LeadStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
