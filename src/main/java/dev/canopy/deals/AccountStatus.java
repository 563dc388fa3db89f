package dev.canopy.deals;

/** What an account in an account list is to the side that uploaded it. */
public enum AccountStatus {
    CUSTOMER("Customer"),
    OPEN_OPPORTUNITY("Open opportunity"),
    PROSPECT("Prospect");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
