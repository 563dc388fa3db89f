package dev.canopy.programs;

import dev.canopy.partners.PartnerId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest value of a partner's metric, as of a moment: an absolute value, not an increment, so a
 * replayed reading changes nothing. {@code currency} is the ISO code for money, null for counts.
 */
public record MetricReading(PartnerId partner, TierMetric metric, BigDecimal value, String currency, Instant asOf) {}
