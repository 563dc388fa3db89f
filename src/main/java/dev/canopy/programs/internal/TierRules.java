package dev.canopy.programs.internal;

import dev.canopy.programs.TierDraft;
import dev.canopy.programs.TierMetric;
import dev.canopy.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What makes a tier valid: a name, and thresholds that are amounts (money) or whole counts, never negative. */
public final class TierRules {

    private TierRules() {}

    public record Checked(String name, String benefits, Map<TierMetric, BigDecimal> thresholds) {}

    public static Checked check(TierDraft draft) {
        String[] name = new String[1];
        String[] benefits = new String[1];
        Map<TierMetric, BigDecimal> thresholds = new EnumMap<>(TierMetric.class);
        List<Runnable> checks = new ArrayList<>();
        checks.add(() -> name[0] = Fields.required("name", draft.name(), 40));
        checks.add(() -> benefits[0] = Fields.optional("benefits", draft.benefits(), 1000));
        for (TierMetric metric : TierMetric.values()) {
            checks.add(
                    () -> threshold(metric, draft.thresholds().get(metric)).ifPresent(t -> thresholds.put(metric, t)));
        }
        InvalidInputException.collect(checks.toArray(Runnable[]::new));
        return new Checked(name[0], benefits[0], Map.copyOf(thresholds));
    }

    /** Only the thresholds of a draft, for the simulation: the name may still be unfinished. */
    public static Map<TierMetric, BigDecimal> thresholds(TierDraft draft) {
        Map<TierMetric, BigDecimal> thresholds = new EnumMap<>(TierMetric.class);
        List<Runnable> checks = new ArrayList<>();
        for (TierMetric metric : TierMetric.values()) {
            checks.add(
                    () -> threshold(metric, draft.thresholds().get(metric)).ifPresent(t -> thresholds.put(metric, t)));
        }
        InvalidInputException.collect(checks.toArray(Runnable[]::new));
        return Map.copyOf(thresholds);
    }

    private static java.util.Optional<BigDecimal> threshold(TierMetric metric, String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        BigDecimal threshold = Fields.decimal(metric.field(), value, metric.money() ? 2 : 0);
        if (threshold.signum() < 0) {
            throw new InvalidInputException(metric.field(), "Use zero or more");
        }
        return java.util.Optional.of(threshold);
    }
}
