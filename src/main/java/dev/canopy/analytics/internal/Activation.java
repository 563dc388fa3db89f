package dev.canopy.analytics.internal;

import dev.canopy.analytics.ActivationReport;
import dev.canopy.partners.PartnerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Days from a partner's approval to its first step, and their median. */
public final class Activation {

    private static final BigDecimal SECONDS_A_DAY = BigDecimal.valueOf(86_400);

    private Activation() {}

    /** Of the {@code approved} partners, those whose {@code first} step exists, and the median days to it. */
    public static ActivationReport.Step step(Map<PartnerId, Instant> approved, Function<PartnerId, Instant> first) {
        List<BigDecimal> days = approved.entrySet().stream()
                .map(e -> {
                    Instant reached = first.apply(e.getKey());
                    if (reached == null) {
                        return null;
                    }
                    // A lead that came before the approval (an applicant's own) counts as day 0.
                    long seconds =
                            Math.max(0, Duration.between(e.getValue(), reached).toSeconds());
                    return BigDecimal.valueOf(seconds).divide(SECONDS_A_DAY, 10, RoundingMode.HALF_UP);
                })
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        return new ActivationReport.Step(days.size(), median(days));
    }

    public static BigDecimal median(List<BigDecimal> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        BigDecimal median = sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.TWO, 10, RoundingMode.HALF_UP);
        return median.setScale(1, RoundingMode.HALF_UP);
    }
}
