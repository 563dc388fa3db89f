package dev.canopy.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.canopy.analytics.internal.Activation;
import dev.canopy.analytics.internal.Cohorts;
import dev.canopy.analytics.internal.Tally;
import dev.canopy.commissions.CommissionActivity;
import dev.canopy.commissions.CurrencyConversion;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.deals.DealActivity;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerDirectory;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.ReplicaReads;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.CustomerActivity;
import dev.canopy.tracking.DailyActivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final List<CertifiedPeople> certifications;

    // A rank band compares a partner with every other: a whole funnel's reading, shared by all of a workspace's
    // partners and done again at most once a minute, however many of them open their portal.
    private final Cache<StandingKey, Standing> standings;

    static final Duration STANDING_FOR = Duration.ofMinutes(1);

    private record StandingKey(WorkspaceId workspace, Period period) {}

    private record Standing(Map<PartnerId, Integer> places, int active) {}

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
            Programs programs,
            List<CertifiedPeople> certifications) {
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
        this.certifications = certifications;
        this.standings = Caffeine.newBuilder()
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfterWrite(STANDING_FOR)
                .maximumSize(1_000)
                .build();
    }

    /** Today, as the rollups count days (UTC). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** How many partners' rows the dashboard shows; the CSV and the API give them all. */
    public static final int DASHBOARD_PARTNERS = 25;

    /** The funnel with every active partner's row. */
    public FunnelReport funnel(FunnelQuery query) {
        return reads.read(() -> funnelOf(query, Integer.MAX_VALUE));
    }

    /** The funnel with the {@value #DASHBOARD_PARTNERS} partners of the largest revenue only, as the dashboard shows. */
    public FunnelReport dashboard(FunnelQuery query) {
        return reads.read(() -> funnelOf(query, DASHBOARD_PARTNERS));
    }

    /** The period's totals alone, without any partner's row: what retention and a programme's line need. */
    public FunnelReport.Totals totals(FunnelQuery query) {
        return reads.read(() -> {
            Currency currency = Currency.getInstance(workspaces.current().currency());
            return tally(query.period(), query, partnersOf(query), currency, rates.into(currency), false)
                    .totals();
        });
    }

    private FunnelReport funnelOf(FunnelQuery query, int partnerRows) {
        Currency currency = Currency.getInstance(workspaces.current().currency());
        Period period = query.period();
        Collection<PartnerId> kept = partnersOf(query);
        CurrencyConversion conversion = rates.into(currency);
        Tally now = tally(period, query, kept, currency, conversion, true);
        Tally before = tally(period.previous(), query, kept, currency, conversion, false);
        byDay(now, period, query, kept, currency, conversion);
        return new FunnelReport(
                query,
                currency,
                now.totals(),
                before.totals(),
                now.dealTotals(),
                before.dealTotals(),
                now.partnerRows(directory::names, partnerRows),
                now.partnerCount(),
                now.dayRows(),
                now.unconverted());
    }

    /**
     * The query's period against the one before it, in total and day by day, without partners' rows: what the
     * console's, a partner page's and the portal's homes chart. A partner user sees its own only.
     */
    public Trend trend(FunnelQuery query) {
        FunnelQuery scoped = PartnerId.signedIn(currentWorkspace)
                .map(me -> new FunnelQuery(query.period(), query.program(), me))
                .orElse(query);
        return reads.read(() -> {
            Currency currency = Currency.getInstance(workspaces.current().currency());
            Collection<PartnerId> kept = partnersOf(scoped);
            CurrencyConversion conversion = rates.into(currency);
            Period period = scoped.period();
            Tally now = tally(period, scoped, kept, currency, conversion, false);
            Tally before = tally(period.previous(), scoped, kept, currency, conversion, false);
            byDay(now, period, scoped, kept, currency, conversion);
            byDay(before, period.previous(), scoped, kept, currency, conversion);
            return new Trend(currency, period, now.totals(), before.totals(), now.dayRows(), before.dayRows());
        });
    }

    /** The chart's days of {@code tally}: clicks, conversions and commission cost per day. */
    private void byDay(
            Tally tally,
            Period period,
            FunnelQuery query,
            Collection<PartnerId> kept,
            Currency currency,
            CurrencyConversion conversion) {
        WorkspaceId workspace = currentWorkspace.id();
        DailyActivity.Scope scope =
                new DailyActivity.Scope(workspace, period.first(), period.end(), query.program(), kept);
        for (DailyActivity.ClickDay c : activity.clicksByDay(scope)) {
            tally.clickDay(c);
        }
        for (DailyActivity.ConversionDay c : activity.conversionsByDay(scope, currency)) {
            tally.conversionDay(c, conversion);
        }
        for (CommissionActivity.CostDay c :
                commissions.costByDay(workspace, period.first(), period.end(), query.program(), kept)) {
            tally.costDay(c, conversion);
        }
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
        CustomerActivity.Churn churn = customers.churn(scope, period.first(), period.end());
        YearMonth last = YearMonth.from(period.last());
        YearMonth first = last.minusMonths(11);
        List<CustomerActivity.CohortCount> counts = customers.cohorts(scope, first, period.end());
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
        Map<PartnerId, Long> certified = certifiedPeople(kept);
        return new ActivationReport(
                approved.size(),
                Activation.step(
                        approved, id -> firsts.containsKey(id) ? firsts.get(id).lead() : null),
                Activation.step(approved, deals::get),
                Activation.step(
                        approved, id -> firsts.containsKey(id) ? firsts.get(id).sale() : null),
                active.active(),
                active.dormant(),
                certified.values().stream().mapToLong(Long::longValue).sum(),
                certified.size());
    }

    /** People certified today per partner the query keeps to (null: any) that has any. */
    private Map<PartnerId, Long> certifiedPeople(Collection<PartnerId> kept) {
        Map<PartnerId, Long> people = new HashMap<>();
        for (CertifiedPeople source : certifications) {
            source.certifiedPeople(currentWorkspace.id()).forEach((partner, count) -> {
                if (count > 0 && (kept == null || kept.contains(partner))) {
                    people.merge(partner, count, Long::sum);
                }
            });
        }
        return people;
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
        FunnelReport mine = funnel(new FunnelQuery(period, null, me));
        Standing standing = standings.get(
                new StandingKey(currentWorkspace.id(), period), key -> standingOf(period, mine.currency()));
        Integer place = standing.places().get(me);
        return new PartnerFunnel(
                period,
                mine.currency(),
                mine.current(),
                mine.previous(),
                mine.days(),
                RankBand.of(place == null ? -1 : place, standing.active()),
                standing.active());
    }

    /** Every active partner's place in the period, best first: only the figures partners are ranked by are read. */
    private Standing standingOf(Period period, Currency currency) {
        CurrencyConversion conversion = rates.into(currency);
        Tally everyone = new Tally(period, currency, true);
        DailyActivity.Scope scope =
                new DailyActivity.Scope(currentWorkspace.id(), period.first(), period.end(), null, null);
        activity.clicksByPartner(scope).forEach(everyone::click);
        activity.conversionsByPartner(scope, currency).forEach(c -> everyone.conversion(c, conversion));
        commissions
                .cost(currentWorkspace.id(), period.first(), period.end(), null, null, currency)
                .forEach(c -> everyone.cost(c, conversion));
        List<FunnelReport.PartnerRow> ranked = everyone.partnerRows(directory::names, Integer.MAX_VALUE);
        Map<PartnerId, Integer> places = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            places.put(ranked.get(i).partner(), i);
        }
        return new Standing(places, ranked.size());
    }
}
