package dev.canopy.imports;

import java.util.List;

/** What a file of an export holds; a run imports them in this order, since each refers to the ones before. */
public enum RecordKind {
    PARTNERS("Partners"),
    LINKS("Links"),
    CUSTOMERS("Customers"),
    DEALS("Deals"),
    COMMISSIONS("Commissions");

    private final String label;

    RecordKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The files other PRMs export. */
    public static List<RecordKind> ofPrms() {
        return List.of(PARTNERS, LINKS, CUSTOMERS, COMMISSIONS);
    }
}
