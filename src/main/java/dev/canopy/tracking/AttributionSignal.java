package dev.canopy.tracking;

/**
 * The evidence a customer can be attributed by, strongest first: an approved deal registration for the
 * customer's domain, a click on a partner's link, a partner's ref without a click, a partner's coupon.
 */
public enum AttributionSignal {
    DEAL("approved deal registration"),
    CLICK("link click"),
    REF("partner ref"),
    COUPON("coupon code");

    private final String label;

    AttributionSignal(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
