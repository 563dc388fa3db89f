package dev.canopy.commissions;

/** What a rule's percentage is of; a reseller margin on list price is recorded and reported, never paid. */
public enum CommissionBasis {
    PAYMENT("% of the payment"),
    CONTRACT_VALUE("% of first-year contract value"),
    LIST_PRICE("% of list price (reseller margin, not paid out)"),
    FLAT("Flat amount");

    private final String label;

    CommissionBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean payable() {
        return this != LIST_PRICE;
    }
}
