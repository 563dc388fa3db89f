package dev.canopy.deals;

/**
 * Whether a won deal is the partner's: sourced when the partner's documented action (registration,
 * accepted lead, click) came before the vendor's opportunity existed, influenced when after.
 */
public enum Sourcing {
    SOURCED("Partner-sourced"),
    INFLUENCED("Partner-influenced");

    private final String label;

    Sourcing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
