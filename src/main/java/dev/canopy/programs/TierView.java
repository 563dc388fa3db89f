package dev.canopy.programs;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** A tier of a programme: its rank (0 is the entry tier) and the thresholds a partner must all meet. */
public record TierView(UUID id, int rank, String name, String benefits, Map<TierMetric, BigDecimal> thresholds) {}
