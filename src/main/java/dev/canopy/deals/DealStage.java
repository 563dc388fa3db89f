package dev.canopy.deals;

/** The sales stage of an approved deal, before it is won or lost. */
public enum DealStage {
    QUALIFICATION("Qualification"),
    PROPOSAL("Proposal"),
    NEGOTIATION("Negotiation");

    private final String label;

    DealStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
