package dev.canopy.analytics.internal;

import dev.canopy.analytics.FunnelReport;
import dev.canopy.analytics.Period;
import dev.canopy.commissions.CommissionActivity;
import dev.canopy.commissions.CurrencyConversion;
import dev.canopy.deals.DealActivity;
import dev.canopy.deals.Sourcing;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.DailyActivity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One period's sums for a dashboard, as the modules' rows come: in total, per partner when asked, and per day for the
 * chart; amounts in the reporting currency at each day's rate, and what has no rate listed, never guessed.
 */
public final class Tally {

    private static final String REMOVED = "(removed partner)";

    private final Money zero;
    private final Sums all;
    private Money unattributed;
    private final Map<PartnerId, Sums> byPartner = new HashMap<>();
    private final Map<LocalDate, Sums> byDay = new LinkedHashMap<>();
    private final List<FunnelReport.Unconverted> unconverted = new ArrayList<>();
    private long approved;
    private Money pipeline;
    private long sourcedWins;
    private Money sourcedRevenue;
    private long influencedWins;
    private Money influencedRevenue;
    private long lost;
    private BigDecimal cycleDays = BigDecimal.ZERO;

    private final Period period;
    private final boolean perPartner;

    public Tally(Period period, Currency currency, boolean perPartner) {
        this.period = period;
        this.perPartner = perPartner;
        this.zero = Money.zero(currency);
        this.all = new Sums(zero);
        this.unattributed = zero;
        this.pipeline = zero;
        this.sourcedRevenue = zero;
        this.influencedRevenue = zero;
        for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
            byDay.put(d, new Sums(zero));
        }
    }

    public void click(DailyActivity.ClickDay c) {
        for (Sums s : sums(c.partner())) {
            s.uniqueClicks += c.clicks();
            s.clicks += c.clicks() + c.repeats();
            s.bots += c.bots();
        }
    }

    /** The sums a partner's figures go to: the period's, and the partner's own when kept per partner. */
    private List<Sums> sums(PartnerId partner) {
        return perPartner ? List.of(all, partner(partner)) : List.of(all);
    }

    public void clickDay(DailyActivity.ClickDay c) {
        byDay.get(c.day()).clicks += c.clicks() + c.repeats();
    }

    public void conversion(DailyActivity.ConversionDay c, CurrencyConversion conversion) {
        Money revenue = revenue(c, conversion, true);
        if (!c.attributed()) {
            unattributed = unattributed.plus(revenue);
            return;
        }
        for (Sums s : sums(c.partner())) {
            add(s, c, revenue);
        }
    }

    /** The chart's day: what has no rate was listed once already, by the period's own sums. */
    public void conversionDay(DailyActivity.ConversionDay c, CurrencyConversion conversion) {
        add(byDay.get(c.day()), c, revenue(c, conversion, false));
    }

    private static void add(Sums s, DailyActivity.ConversionDay c, Money revenue) {
        if (c.kind() == ConversionKind.LEAD) {
            s.leads += c.conversions();
        }
        s.customers += c.firstPayments();
        s.revenue = s.revenue.plus(revenue);
    }

    /** What a sale brought or a refund gave back, in the reporting currency; zero for leads and churn. */
    private Money revenue(DailyActivity.ConversionDay c, CurrencyConversion conversion, boolean listMissing) {
        if (c.amount() == null || (c.kind() != ConversionKind.SALE && c.kind() != ConversionKind.REFUND)) {
            return zero;
        }
        Money signed = c.kind() == ConversionKind.REFUND ? c.amount().negate() : c.amount();
        return listMissing
                ? converted(signed, c.day(), conversion)
                : conversion
                        .convert(signed, c.day())
                        .map(CurrencyConversion.Converted::to)
                        .orElse(zero);
    }

    public void deal(DealActivity.DealDay d, CurrencyConversion conversion) {
        Money value = converted(d.amount(), d.day(), conversion);
        switch (d.outcome()) {
            case APPROVED -> {
                approved += d.deals();
                pipeline = pipeline.plus(value);
            }
            case WON -> {
                if (d.sourcing() == Sourcing.INFLUENCED) {
                    influencedWins += d.deals();
                    influencedRevenue = influencedRevenue.plus(value);
                } else {
                    sourcedWins += d.deals();
                    sourcedRevenue = sourcedRevenue.plus(value);
                }
                cycleDays = cycleDays.add(d.cycleDays());
            }
            case LOST -> {
                lost += d.deals();
                cycleDays = cycleDays.add(d.cycleDays());
            }
        }
    }

    /**
     * {@code amount} in the reporting currency at {@code day}'s rate ({@code day} is null only for an amount in
     * the reporting currency already); zero, and listed, without a rate.
     */
    private Money converted(Money amount, LocalDate day, CurrencyConversion conversion) {
        var converted = conversion.convert(amount, day == null ? period.first() : day);
        if (converted.isEmpty()) {
            unconverted.add(new FunnelReport.Unconverted(day, amount));
            return zero;
        }
        return converted.get().to();
    }

    public FunnelReport.DealTotals dealTotals() {
        return new FunnelReport.DealTotals(
                approved, pipeline, sourcedWins, sourcedRevenue, influencedWins, influencedRevenue, lost, cycleDays);
    }

    public void cost(CommissionActivity.CostDay c, CurrencyConversion conversion) {
        Money cost = converted(c.cost(), c.day(), conversion);
        for (Sums s : sums(c.partner())) {
            s.cost = s.cost.plus(cost);
        }
    }

    /** The chart's day of commission cost; what has no rate is listed by the period's own sums. */
    public void costDay(CommissionActivity.CostDay c, CurrencyConversion conversion) {
        Sums day = byDay.get(c.day());
        day.cost = day.cost.plus(conversion
                .convert(c.cost(), c.day())
                .map(CurrencyConversion.Converted::to)
                .orElse(zero));
    }

    private Sums partner(PartnerId partner) {
        return byPartner.computeIfAbsent(partner, p -> new Sums(zero));
    }

    /** The day totals left out of the revenue for want of a rate on or before their day. */
    public List<FunnelReport.Unconverted> unconverted() {
        return List.copyOf(unconverted);
    }

    public FunnelReport.Totals totals() {
        return new FunnelReport.Totals(
                all.clicks, all.uniqueClicks, all.bots, all.leads, all.customers, all.revenue, unattributed, all.cost);
    }

    /** How many partners had any figure in the period. */
    public int partnerCount() {
        return byPartner.size();
    }

    /**
     * The first {@code limit} partners' rows, the largest revenue first, then the most clicks, then by name; {@code
     * names} is asked only for the partners that can be among them (those tied at the last place included).
     */
    public List<FunnelReport.PartnerRow> partnerRows(
            Function<Set<PartnerId>, Map<PartnerId, String>> names, int limit) {
        Comparator<Map.Entry<PartnerId, Sums>> byFigures = Comparator.comparing(
                        (Map.Entry<PartnerId, Sums> e) -> e.getValue().revenue.amount())
                .thenComparingLong(e -> e.getValue().clicks)
                .reversed();
        List<Map.Entry<PartnerId, Sums>> candidates = best(byFigures, limit);
        Map<PartnerId, String> named =
                names.apply(candidates.stream().map(Map.Entry::getKey).collect(Collectors.toSet()));
        Function<PartnerId, String> name = id -> named.getOrDefault(id, REMOVED);
        return candidates.stream()
                .map(e -> new FunnelReport.PartnerRow(
                        e.getKey(),
                        name.apply(e.getKey()),
                        e.getValue().clicks,
                        e.getValue().uniqueClicks,
                        e.getValue().bots,
                        e.getValue().leads,
                        e.getValue().customers,
                        e.getValue().revenue,
                        e.getValue().cost))
                .map(Ranked::of)
                .sorted(BEST_FIRST)
                .limit(limit)
                .map(Ranked::row)
                .toList();
    }

    /**
     * A row with its revenue in minor units when that fits a long (every row is in the one reporting currency, at its
     * scale): 10,000 rows sort by two longs in memory side by side, not through each row's Money and BigDecimal.
     */
    record Ranked(FunnelReport.PartnerRow row, long minorUnits, boolean fits) {
        static Ranked of(FunnelReport.PartnerRow row) {
            BigInteger units = row.revenue().amount().unscaledValue();
            boolean fits = units.bitLength() < Long.SIZE;
            return new Ranked(row, fits ? units.longValue() : 0, fits);
        }
    }

    /** The most revenue first, then the most clicks, then by name. */
    static final Comparator<Ranked> BEST_FIRST = (a, b) -> {
        int byRevenue = a.fits && b.fits
                ? Long.compare(b.minorUnits, a.minorUnits)
                : b.row.revenue().amount().compareTo(a.row.revenue().amount());
        if (byRevenue != 0) {
            return byRevenue;
        }
        int byClicks = Long.compare(b.row.clicks(), a.row.clicks());
        return byClicks != 0 ? byClicks : a.row.name().compareTo(b.row.name());
    };

    /**
     * The {@code limit} best entries by {@code order} and every one tied with the last of them, unordered: a heap of
     * {@code limit} (sorting 10,000 partners to list 25 was most of the dashboard's own time, each comparison a walk
     * through scattered objects).
     */
    private List<Map.Entry<PartnerId, Sums>> best(Comparator<Map.Entry<PartnerId, Sums>> order, int limit) {
        if (limit >= byPartner.size()) {
            return new ArrayList<>(byPartner.entrySet());
        }
        PriorityQueue<Map.Entry<PartnerId, Sums>> kept = new PriorityQueue<>(limit + 1, order.reversed());
        for (Map.Entry<PartnerId, Sums> e : byPartner.entrySet()) {
            if (kept.size() < limit) {
                kept.add(e);
            } else if (order.compare(e, kept.peek()) < 0) {
                kept.poll();
                kept.add(e);
            }
        }
        Map.Entry<PartnerId, Sums> last = kept.peek();
        List<Map.Entry<PartnerId, Sums>> best = new ArrayList<>(kept);
        Set<PartnerId> in = new HashSet<>();
        kept.forEach(e -> in.add(e.getKey()));
        for (Map.Entry<PartnerId, Sums> e : byPartner.entrySet()) {
            if (order.compare(e, last) == 0 && !in.contains(e.getKey())) {
                best.add(e);
            }
        }
        return best;
    }

    public List<FunnelReport.DayRow> dayRows() {
        return byDay.entrySet().stream()
                .map(e -> new FunnelReport.DayRow(
                        e.getKey(),
                        e.getValue().clicks,
                        e.getValue().leads,
                        e.getValue().customers,
                        e.getValue().revenue,
                        e.getValue().cost))
                .toList();
    }

    private static final class Sums {
        long clicks;
        long uniqueClicks;
        long bots;
        long leads;
        long customers;
        Money revenue;
        Money cost;

        Sums(Money zero) {
            this.revenue = zero;
            this.cost = zero;
        }
    }
}
