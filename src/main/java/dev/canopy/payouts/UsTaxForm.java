package dev.canopy.payouts;

/** The US tax form a partner has on file: a W-9 (a US person), a W-8BEN or W-8BEN-E (foreign), or none. */
public enum UsTaxForm {
    W9("W-9"),
    W8BEN("W-8BEN"),
    W8BENE("W-8BEN-E"),
    NONE("None");

    private final String label;

    UsTaxForm(String label) {
        this.label = label;
    }

    /** The form as {@link TaxProfile#usForm()} stores it; no profile or no form is {@link #NONE}. */
    public static UsTaxForm of(TaxProfile tax) {
        return tax == null || tax.usForm() == null ? NONE : valueOf(tax.usForm());
    }

    public String label() {
        return label;
    }

    public boolean foreign() {
        return this == W8BEN || this == W8BENE;
    }
}
