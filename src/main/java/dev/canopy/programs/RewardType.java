package dev.canopy.programs;

/** How a programme pays its partners: a commission on what they bring, or a margin on what they resell. */
public enum RewardType {
    COMMISSION("Commission"),
    MARGIN("Margin");

    private final String label;

    RewardType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
