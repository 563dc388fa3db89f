package dev.canopy.deals;

/** How often a partner may extend an approved registration's protection, per programme. */
public enum ExtensionPolicy {
    NONE("Never"),
    ONCE("Once"),
    UNLIMITED("As often as needed");

    private final String label;

    ExtensionPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether one more extension is allowed after {@code used}. */
    public boolean allows(int used) {
        return switch (this) {
            case NONE -> false;
            case ONCE -> used < 1;
            case UNLIMITED -> true;
        };
    }
}
