package dev.canopy.programs;

import java.math.BigDecimal;

/** A partner's value of a metric against the next tier's threshold; {@code unit} is a currency or null. */
public record MetricProgress(TierMetric metric, BigDecimal value, BigDecimal threshold, String unit) {

    /** How far along, 0 to 100. */
    public int percent() {
        if (threshold.signum() == 0 || value.compareTo(threshold) >= 0) {
            return 100;
        }
        return value.max(BigDecimal.ZERO)
                .multiply(BigDecimal.valueOf(100))
                .divide(threshold, 0, java.math.RoundingMode.DOWN)
                .intValue();
    }

    public boolean met() {
        return value.compareTo(threshold) >= 0;
    }
}
