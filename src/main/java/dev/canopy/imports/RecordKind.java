package dev.canopy.imports;

/** What a file of an export holds; a run imports them in this order, since each refers to the ones before. */
public enum RecordKind {
    PARTNERS("Partners"),
    LINKS("Links"),
    CUSTOMERS("Customers"),
    COMMISSIONS("Commissions");

    private final String label;

    RecordKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
