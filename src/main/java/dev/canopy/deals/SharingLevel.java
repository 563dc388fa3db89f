package dev.canopy.deals;

/**
 * How much of its account list one side of a partnership lets the other see, in increasing order. What
 * either side sees of the other is the lower of the two levels: both must agree to share.
 */
public enum SharingLevel {
    HIDDEN("Hidden", "Nothing, not even how many accounts"),
    COUNTS("Counts only", "How many accounts, overlaps and co-sell chances"),
    OVERLAPS("Overlaps", "The accounts both sides have, with their status"),
    FULL("Full list", "Every account of the list");

    private final String label;
    private final String description;

    SharingLevel(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public boolean atLeast(SharingLevel other) {
        return compareTo(other) >= 0;
    }

    public static SharingLevel lower(SharingLevel a, SharingLevel b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
