package dev.canopy.imports;

/** The systems Canopy imports from. */
public enum ImportSource {
    PARTNERSTACK("PartnerStack"),
    REWARDFUL("Rewardful"),
    FIRSTPROMOTER("FirstPromoter"),
    TOLT("Tolt"),
    DUB("Dub");

    private final String label;

    ImportSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
