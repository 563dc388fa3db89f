package dev.canopy.analytics;

/**
 * Where a partner stands among the vendor's partners active in a period, by partner revenue then clicks — a band,
 * never a position, so that no partner learns another's figures.
 */
public enum RankBand {
    TOP_10("Top 10 %"),
    TOP_25("Top 25 %"),
    TOP_HALF("Top half"),
    BOTTOM_HALF("Bottom half"),
    NO_ACTIVITY("No activity in this period");

    private final String label;

    RankBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The band of the partner at {@code position} (0: the best; -1: not active) among {@code active} partners. */
    static RankBand of(int position, int active) {
        if (position < 0) {
            return NO_ACTIVITY;
        }
        // The share of partners ahead of this one, so that the best of ten is in the top 10 %.
        double ahead = (double) position / active;
        if (ahead < 0.10) {
            return TOP_10;
        }
        if (ahead < 0.25) {
            return TOP_25;
        }
        return ahead < 0.5 ? TOP_HALF : BOTTOM_HALF;
    }
}
