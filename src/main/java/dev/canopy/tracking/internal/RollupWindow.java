package dev.canopy.tracking.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A window of days read as whole months of the monthly rollup, plus the days of partly covered months read from
 * the daily one, or less the days outside the window when those are fewer: about the fewest rollup rows for the
 * same sum. Days after {@code today} hold nothing yet (or next to nothing: a clock ahead) and are not counted as a
 * cost, but are still taken away.
 *
 * @param months the first days of the months taken whole
 * @param added day ranges added (from included, to excluded)
 * @param taken day ranges taken away from the whole months
 */
public record RollupWindow(List<LocalDate> months, List<Days> added, List<Days> taken) {

    /** The days {@code from} (included) to {@code to} (excluded). */
    public record Days(LocalDate from, LocalDate to) {}

    public static RollupWindow of(LocalDate from, LocalDate to, LocalDate today) {
        List<LocalDate> months = new ArrayList<>();
        List<Days> added = new ArrayList<>();
        List<Days> taken = new ArrayList<>();
        for (LocalDate month = from.withDayOfMonth(1); month.isBefore(to); month = month.plusMonths(1)) {
            LocalDate next = month.plusMonths(1);
            LocalDate start = from.isAfter(month) ? from : month;
            LocalDate end = to.isBefore(next) ? to : next;
            long inside = ChronoUnit.DAYS.between(start, end);
            long outside = stored(month, start, today) + stored(end, next, today);
            if (outside < inside) {
                months.add(month);
                addIfAny(taken, month, start);
                addIfAny(taken, end, next);
            } else {
                added.add(new Days(start, end));
            }
        }
        return new RollupWindow(List.copyOf(months), List.copyOf(added), List.copyOf(taken));
    }

    /** Days from {@code from} to {@code to} that may hold clicks (not after today). */
    private static long stored(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate last = today.plusDays(1);
        LocalDate end = to.isBefore(last) ? to : last;
        return end.isAfter(from) ? ChronoUnit.DAYS.between(from, end) : 0;
    }

    private static void addIfAny(List<Days> ranges, LocalDate from, LocalDate to) {
        if (from.isBefore(to)) {
            ranges.add(new Days(from, to));
        }
    }
}
