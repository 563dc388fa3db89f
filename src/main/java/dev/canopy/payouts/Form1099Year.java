package dev.canopy.payouts;

import dev.canopy.shared.Money;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The 1099 report of one calendar year: the threshold in force (and the rule it comes from), the workspace's time
 * zone that decides which payments fall in the year, and the partners to act on.
 */
public record Form1099Year(
        int year,
        String timezone,
        Money threshold,
        LocalDate thresholdFrom,
        String thresholdNote,
        List<Form1099Row> rows) {

    public Money total() {
        return rows.stream().map(Form1099Row::paid).reduce(Money.zero(threshold.currency()), Money::plus);
    }

    public int payments() {
        return rows.stream().mapToInt(r -> r.payments().size()).sum();
    }

    /** How many partners carry each flag, in the flags' order; flags nobody carries are left out. */
    public Map<Form1099Flag, Long> counts() {
        return rows.stream()
                .collect(Collectors.groupingBy(
                        Form1099Row::flag, () -> new EnumMap<>(Form1099Flag.class), Collectors.counting()));
    }
}
