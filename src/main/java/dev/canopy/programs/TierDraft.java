package dev.canopy.programs;

import java.util.Map;

/** A tier as typed into the editor: thresholds as text per metric, blank for "no requirement". */
public record TierDraft(String name, String benefits, Map<TierMetric, String> thresholds) {

    public TierDraft {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }
}
