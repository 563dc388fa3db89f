package dev.canopy.programs;

/** What tier rules measure. Other modules feed the values through {@link Tiers#recordMetric}. */
public enum TierMetric {
    PARTNER_SOURCED_REVENUE_12M("Partner-sourced revenue, last 12 months", "revenue12m", true),
    DEALS_WON("Deals won", "dealsWon", false),
    CERTIFIED_PEOPLE("Certified people", "certifiedPeople", false),
    ACTIVE_CUSTOMERS("Active customers", "activeCustomers", false);

    /** The unit of counts in the metrics table; money is kept under its ISO currency code. */
    public static final String COUNT = "COUNT";

    private final String label;
    private final String field;
    private final boolean money;

    TierMetric(String label, String field, boolean money) {
        this.label = label;
        this.field = field;
        this.money = money;
    }

    public String label() {
        return label;
    }

    /** The input field that carries a threshold of this metric, in forms and in errors. */
    public String field() {
        return field;
    }

    /** Money is measured in the programme's currency; the others are whole counts. */
    public boolean money() {
        return money;
    }
}
