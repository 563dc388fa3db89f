package dev.canopy.analytics;

import dev.canopy.analytics.internal.Activation;
import dev.canopy.analytics.internal.Cohorts;
import dev.canopy.commissions.CommissionActivity;
import dev.canopy.commissions.CurrencyConversion;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.deals.DealActivity;
import dev.canopy.deals.Sourcing;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerDirectory;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.ReplicaReads;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.CustomerActivity;
import dev.canopy.tracking.DailyActivity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The vendor's dashboards, computed from tracking's daily rollups, never from the raw clicks; read from the
 * reporting replica when there is one ({@link ReplicaReads}).
 */
@Service
public class Analytics {

    private final DailyActivity activity;
    private final DealActivity deals;
    private final CustomerActivity customers;
    private final CommissionActivity commissions;
    private final ExchangeRates rates;
    private final Workspaces workspaces;
    private final PartnerDirectory directory;
    private final CurrentWorkspace currentWorkspace;
    private final Clock clock;
    private final ReplicaReads reads;
    private final Programs programs;

    Analytics(
            DailyActivity activity,
            DealActivity deals,
            CustomerActivity customers,
            CommissionActivity commissions,
            ExchangeRates rates,
            Workspaces workspaces,
            PartnerDirectory directory,
            CurrentWorkspace currentWorkspace,
            Clock clock,
            ReplicaReads reads,
            Programs programs) {
        this.activity = activity;
        this.deals = deals;
        this.customers = customers;
        this.commissions = commissions;
        this.rates = rates;
        this.workspaces = workspaces;
        this.directory = directory;
        this.currentWorkspace = currentWorkspace;
        this.clock = clock;
        this.reads = reads;
        this.programs = programs;
    }

    /** Today, as the rollups count days (UTC). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public FunnelReport funnel(FunnelQuery query) {
        return reads.read(() -> funnelOf(query));
    }

    private FunnelReport funnelOf(FunnelQuery query) {
        Currency currency = Currency.getInstance(workspaces.current().currency());
        Period period = query.period();
        Collection<PartnerId> kept = partnersOf(query);
        CurrencyConversion conversion = rates.into(currency);
        Tally now = tally(period, query, kept, currency, conversion, true);
        Tally before = tally(period.previous(), query, kept, currency, conversion, false);
        DailyActivity.Scope scope =
                new DailyActivity.Scope(currentWorkspace.id(), period.first(), period.end(), query.program(), kept);
        for (DailyActivity.ClickDay c : activity.clicksByDay(scope)) {
            now.clickDay(c);
        }
        for (DailyActivity.ConversionDay c : activity.conversionsByDay(scope, currency)) {
            now.conversionDay(c, conversion);
        }
        return new FunnelReport(
                query,
                currency,
                now.totals(),
                before.totals(),
                now.dealTotals(),
                before.dealTotals(),
                now.partnerRows(directory.names(now.byPartner.keySet())),
                now.dayRows(),
                List.copyOf(now.unconverted));
    }

    /**
     * One period's sums: each module's figures per partner, or only in total (the database sums them: half the
     * funnel's time at 10,000 partners went to the period before, which shows only totals), and per day only where
     * a rate is needed.
     */
    private Tally tally(
            Period period,
            FunnelQuery query,
            Collection<PartnerId> kept,
            Currency currency,
            CurrencyConversion conversion,
            boolean perPartner) {
        Tally tally = new Tally(period, currency, perPartner);
        WorkspaceId workspace = currentWorkspace.id();
        DailyActivity.Scope scope =
                new DailyActivity.Scope(workspace, period.first(), period.end(), query.program(), kept);
        for (DailyActivity.ClickDay c :
                perPartner ? activity.clicksByPartner(scope) : List.of(activity.clicksInTotal(scope))) {
            tally.click(c);
        }
        for (DailyActivity.ConversionDay c : perPartner
                ? activity.conversionsByPartner(scope, currency)
                : activity.conversionsInTotal(scope, currency)) {
            tally.conversion(c, conversion);
        }
        for (DealActivity.DealDay d :
                deals.days(workspace, period.first(), period.end(), query.program(), kept, currency)) {
            tally.deal(d, conversion);
        }
        for (CommissionActivity.CostDay c :
                commissions.cost(workspace, period.first(), period.end(), query.program(), kept, currency)) {
            tally.cost(c, conversion);
        }
        return tally;
    }

    /**
     * Each programme's profit and loss line for {@code report}'s query: the report's own totals when it already is
     * one programme's (a programme filter, or only one programme), else each programme's period summed apart.
     */
    public List<ProgramPnl> programmes(FunnelReport report) {
        FunnelQuery query = report.query();
        List<ProgramView> all = programs.list();
        if (query.program() != null || all.size() == 1) {
            return all.stream()
                    .filter(p -> query.program() == null || p.id().equals(query.program()))
                    .map(p -> new ProgramPnl(p.id(), p.name(), report.current(), report.deals()))
                    .toList();
        }
        return reads.read(() -> {
            Currency currency = report.currency();
            Collection<PartnerId> kept = partnersOf(query);
            CurrencyConversion conversion = rates.into(currency);
            return all.stream()
                    .map(p -> {
                        FunnelQuery one = new FunnelQuery(query.period(), p.id(), query.partner(), query.partners());
                        Tally tally = tally(query.period(), one, kept, currency, conversion, false);
                        return new ProgramPnl(p.id(), p.name(), tally.totals(), tally.dealTotals());
                    })
                    .sorted(Comparator.comparing((ProgramPnl r) ->
                                    r.totals().partnerRevenue().amount())
                            .reversed()
                            .thenComparing(ProgramPnl::name))
                    .toList();
        });
    }

    /**
     * Churn, revenue per paying account and cohorts, partner-brought and direct apart, for {@code query}; {@code
     * totals} is the same query's funnel (its revenue).
     */
    public RetentionReport retention(FunnelQuery query, FunnelReport.Totals totals) {
        return reads.read(() -> retentionOf(query, totals));
    }

    private RetentionReport retentionOf(FunnelQuery query, FunnelReport.Totals totals) {
        Period period = query.period();
        CustomerActivity.Scope scope =
                new CustomerActivity.Scope(currentWorkspace.id(), query.program(), partnersOf(query));
        Instant start = period.first().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = period.end().atStartOfDay(ZoneOffset.UTC).toInstant();
        CustomerActivity.Paying paying = customers.paying(scope, start, end);
        CustomerActivity.Churn churn = customers.churn(scope, start, end);
        YearMonth last = YearMonth.from(period.last());
        YearMonth first = last.minusMonths(11);
        List<CustomerActivity.CohortCount> counts = customers.cohorts(
                scope, first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), end);
        return new RetentionReport(
                new RetentionReport.Side(
                        paying.withPartner(), totals.partnerRevenue(), churn.partnerAtStart(), churn.partnerChurned()),
                new RetentionReport.Side(
                        paying.direct(), totals.unattributedRevenue(), churn.directAtStart(), churn.directChurned()),
                Cohorts.rows(counts, true, first, last),
                Cohorts.rows(counts, false, first, last));
    }

    /** Activation of the partners approved in the query's period, and today's active and dormant partners. */
    public ActivationReport activation(FunnelQuery query) {
        return reads.read(() -> activationOf(query));
    }

    private ActivationReport activationOf(FunnelQuery query) {
        Period period = query.period();
        Map<PartnerId, Instant> approved = new HashMap<>(directory.approvedBetween(
                period.first().atStartOfDay(ZoneOffset.UTC).toInstant(),
                period.end().atStartOfDay(ZoneOffset.UTC).toInstant()));
        Collection<PartnerId> kept = partnersOf(query);
        if (kept != null) {
            approved.keySet().retainAll(kept);
        }
        Map<PartnerId, CustomerActivity.Firsts> firsts = customers.firsts(currentWorkspace.id(), approved.keySet());
        Map<PartnerId, Instant> deals = this.deals.firstRegistrations(currentWorkspace.id(), approved.keySet());
        PartnerDirectory.ActiveCount active = directory.active(clock.instant());
        return new ActivationReport(
                approved.size(),
                Activation.step(
                        approved, id -> firsts.containsKey(id) ? firsts.get(id).lead() : null),
                Activation.step(approved, deals::get),
                Activation.step(
                        approved, id -> firsts.containsKey(id) ? firsts.get(id).sale() : null),
                active.active(),
                active.dormant());
    }

    /** The partners a query keeps to: one, those matching its profile filters, or null for anyone. */
    private Collection<PartnerId> partnersOf(FunnelQuery query) {
        if (query.partner() != null) {
            return Set.of(query.partner());
        }
        return query.partners().any()
                ? null
                : directory.matching(
                        query.partners().type(),
                        query.partners().region(),
                        query.partners().tier());
    }

    /** The signed-in partner's own funnel and its rank band among the vendor's active partners. */
    public PartnerFunnel mine(Period period) {
        return reads.read(() -> mineOf(period));
    }

    private PartnerFunnel mineOf(Period period) {
        PartnerId me = PartnerId.signedIn(currentWorkspace)
                .orElseThrow(() -> new AccessDeniedException("Only a partner has a funnel of its own"));
        FunnelReport everyone = funnel(new FunnelQuery(period, null, null));
        FunnelReport mine = funnel(new FunnelQuery(period, null, me));
        List<PartnerId> ranked = everyone.partners().stream()
                .map(FunnelReport.PartnerRow::partner)
                .toList();
        return new PartnerFunnel(
                period,
                mine.currency(),
                mine.current(),
                mine.previous(),
                mine.days(),
                RankBand.of(ranked, me),
                ranked.size());
    }

    /** One period's sums, by partner and by day, as the rollup rows come. */
    private static final class Tally {

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

        Tally(Period period, Currency currency, boolean perPartner) {
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

        void click(DailyActivity.ClickDay c) {
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

        void clickDay(DailyActivity.ClickDay c) {
            byDay.get(c.day()).clicks += c.clicks() + c.repeats();
        }

        void conversion(DailyActivity.ConversionDay c, CurrencyConversion conversion) {
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
        void conversionDay(DailyActivity.ConversionDay c, CurrencyConversion conversion) {
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

        void deal(DealActivity.DealDay d, CurrencyConversion conversion) {
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

        FunnelReport.DealTotals dealTotals() {
            return new FunnelReport.DealTotals(
                    approved,
                    pipeline,
                    sourcedWins,
                    sourcedRevenue,
                    influencedWins,
                    influencedRevenue,
                    lost,
                    cycleDays);
        }

        void cost(CommissionActivity.CostDay c, CurrencyConversion conversion) {
            Money cost = converted(c.cost(), c.day(), conversion);
            for (Sums s : sums(c.partner())) {
                s.cost = s.cost.plus(cost);
            }
        }

        private Sums partner(PartnerId partner) {
            return byPartner.computeIfAbsent(partner, p -> new Sums(zero));
        }

        FunnelReport.Totals totals() {
            return new FunnelReport.Totals(
                    all.clicks,
                    all.uniqueClicks,
                    all.bots,
                    all.leads,
                    all.customers,
                    all.revenue,
                    unattributed,
                    all.cost);
        }

        List<FunnelReport.PartnerRow> partnerRows(Map<PartnerId, String> names) {
            Function<PartnerId, String> name = id -> names.getOrDefault(id, "(removed partner)");
            return byPartner.entrySet().stream()
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
                    .sorted(Comparator.comparing(FunnelReport.PartnerRow::revenue)
                            .thenComparingLong(FunnelReport.PartnerRow::clicks)
                            .reversed()
                            .thenComparing(FunnelReport.PartnerRow::name))
                    .toList();
        }

        List<FunnelReport.DayRow> dayRows() {
            return byDay.entrySet().stream()
                    .map(e -> new FunnelReport.DayRow(
                            e.getKey(),
                            e.getValue().clicks,
                            e.getValue().leads,
                            e.getValue().customers,
                            e.getValue().revenue))
                    .toList();
        }
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
