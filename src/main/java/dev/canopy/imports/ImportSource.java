package dev.canopy.imports;

import java.util.List;

/** The systems Canopy imports from. */
public enum ImportSource {
    PARTNERSTACK("PartnerStack"),
    REWARDFUL("Rewardful"),
    FIRSTPROMOTER("FirstPromoter"),
    TOLT("Tolt"),
    DUB("Dub"),
    /** The vendor's own CSV of customers or deals, its columns matched to Canopy's by hand. */
    CSV("Your own CSV");

    private final String label;

    ImportSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The other PRMs Canopy knows the exports and APIs of. */
    public static List<ImportSource> prms() {
        return java.util.Arrays.stream(values()).filter(s -> s != CSV).toList();
    }
}
