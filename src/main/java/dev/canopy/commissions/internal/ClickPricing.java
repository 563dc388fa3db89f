package dev.canopy.commissions.internal;

import dev.canopy.commissions.Commissions;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.ClickCounts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays click rules: each complete day's valid clicks become one CLICK source per partner and programme,
 * priced like any other (the rule's flat amount times the clicks, tier overrides and caps included).
 *
 * <p>A day is complete once it has ended in the workspace's time zone and {@code grace} has passed, for
 * the clicks the writer still holds in memory. Every node runs this on the schedule; each programme's day
 * is claimed once ({@link ClickDayTable}) and its sources have ids made from workspace, partner,
 * programme and day, so reruns and a second node add nothing. The last {@code catch-up-days} complete
 * days are looked at every time, so days missed while every node was down are counted when one is back;
 * a day older than that is never paid. A day already priced is counted again within that window: valid clicks
 * stored after it was priced (a node's queue held them while PostgreSQL was away) are paid as a top-up, the
 * difference per partner only ({@link ClickDayTable#pay}, one node at a time). A programme's days count from the day its first click rule was
 * made, and only a programme with a click rule on has its clicks counted.
 */
@Component
public class ClickPricing {

    private static final Logger log = LoggerFactory.getLogger(ClickPricing.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ClickDayTable days;
    private final ClickCounts clicks;
    private final SourceTable sources;
    private final Commissions commissions;
    private final Memberships memberships;
    private final Workspaces workspaces;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration grace;
    private final int catchUpDays;

    ClickPricing(
            ClickDayTable days,
            ClickCounts clicks,
            SourceTable sources,
            Commissions commissions,
            Memberships memberships,
            Workspaces workspaces,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${canopy.commissions.click-grace:PT30M}") Duration grace,
            @Value("${canopy.commissions.click-catch-up-days:7}") int catchUpDays) {
        this.days = days;
        this.clicks = clicks;
        this.sources = sources;
        this.commissions = commissions;
        this.memberships = memberships;
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.clock = clock;
        this.grace = grace;
        this.catchUpDays = catchUpDays;
    }

    @Scheduled(cron = "${canopy.commissions.click-pricing-cron:0 */15 * * * *}", zone = "UTC")
    void tick() {
        priceCompleteDays();
    }

    /** Prices the complete days not priced yet, of every workspace; answers how many click sources were made. */
    public int priceCompleteDays() {
        Instant now = clock.instant();
        int made = 0;
        for (WorkspaceId workspace : days.workspaces()) {
            try {
                Integer priced = transactions.execute(
                        status -> AsSystem.in(workspace, Actor.system(), () -> price(workspace, now)));
                made += priced == null ? 0 : priced;
            } catch (RuntimeException e) {
                log.error("Pricing the clicks of workspace {} failed", workspace.value(), e);
            }
        }
        return made;
    }

    private int price(WorkspaceId workspace, Instant now) {
        ZoneId zone =
                workspaces.byId(workspace).map(w -> ZoneId.of(w.timezone())).orElse(ZoneId.of("UTC"));
        LocalDate end = LocalDate.ofInstant(now.minus(grace), zone);
        LocalDate windowStart = end.minusDays(catchUpDays);
        Map<ClickDayTable.ClickProgram, List<LocalDate>> due = new HashMap<>();
        Map<ClickDayTable.ClickProgram, Set<LocalDate>> priced = new HashMap<>();
        for (ClickDayTable.ClickProgram p : days.programs(workspace)) {
            Set<LocalDate> counted = days.counted(workspace, p.program(), windowStart);
            List<LocalDate> open = openDays(now, zone, grace, catchUpDays, p.since(), counted);
            if (!open.isEmpty()) {
                due.put(p, open);
            }
            if (p.active()) {
                Set<LocalDate> recount = days.countedWhileOn(workspace, p.program(), windowStart);
                if (!recount.isEmpty()) {
                    priced.put(p, recount);
                }
            }
        }
        if (due.isEmpty() && priced.isEmpty()) {
            return 0;
        }
        List<ProgramId> counting = Stream.concat(due.keySet().stream(), priced.keySet().stream())
                .filter(ClickDayTable.ClickProgram::active)
                .map(ClickDayTable.ClickProgram::program)
                .distinct()
                .toList();
        LocalDate from = Stream.concat(
                        due.values().stream().flatMap(List::stream),
                        priced.values().stream().flatMap(Set::stream))
                .min(LocalDate::compareTo)
                .orElseThrow();
        Map<ProgramId, List<ClickCounts.DailyClicks>> counts =
                clicks.daily(workspace, counting, from, end, zone).stream()
                        .collect(Collectors.groupingBy(ClickCounts.DailyClicks::program));
        List<UUID> made = new ArrayList<>();
        priced.forEach((p, recount) -> made.addAll(
                topUp(workspace, p, recount, counts.getOrDefault(p.program(), List.of()), windowStart, zone, now)));
        due.forEach((p, open) ->
                made.addAll(claim(workspace, p, open, counts.getOrDefault(p.program(), List.of()), zone, now)));
        if (!made.isEmpty()) {
            commissions.price(workspace, made, now);
        }
        return made.size();
    }

    /**
     * Pays, on days already priced, the valid clicks stored since: per partner, what its day counts now beyond what
     * was paid (never less: a click found invalid later is not taken back). Answers the new sources.
     */
    private List<UUID> topUp(
            WorkspaceId workspace,
            ClickDayTable.ClickProgram p,
            Set<LocalDate> recount,
            List<ClickCounts.DailyClicks> counts,
            LocalDate windowStart,
            ZoneId zone,
            Instant now) {
        Map<String, Long> paid = new HashMap<>();
        days.paid(workspace, p.program(), windowStart)
                .forEach(d -> paid.put(d.partner().value() + ":" + d.day(), d.clicks()));
        List<ClickCounts.DailyClicks> grown = counts.stream()
                .filter(c -> recount.contains(c.day()))
                .filter(c -> c.clicks() > paid.getOrDefault(c.partner().value() + ":" + c.day(), 0L))
                .toList();
        Map<PartnerId, UUID> tiers = grown.isEmpty() ? Map.of() : tiers(p.program());
        List<UUID> made = new ArrayList<>();
        for (ClickCounts.DailyClicks c : grown) {
            long before = paid.getOrDefault(c.partner().value() + ":" + c.day(), 0L);
            if (days.pay(workspace, p.program(), c.partner(), c.day(), before, c.clicks())) {
                CommissionSource source = source(
                        workspace,
                        new ClickCounts.DailyClicks(c.partner(), c.program(), c.day(), c.clicks() - before),
                        ":to:" + c.clicks(),
                        " stored late",
                        tiers.get(c.partner()),
                        zone);
                if (sources.insert(workspace, source, now)) {
                    made.add(source.id());
                }
            }
        }
        return made;
    }

    /** Claims the programme's open days and stores a source per partner for each claimed; answers the new ones. */
    private List<UUID> claim(
            WorkspaceId workspace,
            ClickDayTable.ClickProgram p,
            List<LocalDate> open,
            List<ClickCounts.DailyClicks> counts,
            ZoneId zone,
            Instant now) {
        List<ClickCounts.DailyClicks> ofOpenDays =
                counts.stream().filter(c -> open.contains(c.day())).toList();
        Map<LocalDate, Long> totals = new HashMap<>();
        open.forEach(d -> totals.put(d, p.active() ? 0L : null));
        ofOpenDays.forEach(c -> totals.merge(c.day(), c.clicks(), Long::sum));
        Set<LocalDate> claimed = days.claim(workspace, p.program(), totals, now);
        List<ClickCounts.DailyClicks> toPay =
                ofOpenDays.stream().filter(c -> claimed.contains(c.day())).toList();
        Map<PartnerId, UUID> tiers = toPay.isEmpty() ? Map.of() : tiers(p.program());
        List<UUID> made = new ArrayList<>();
        for (ClickCounts.DailyClicks c : toPay) {
            days.pay(workspace, p.program(), c.partner(), c.day(), 0, c.clicks());
            CommissionSource source = source(workspace, c, "", "", tiers.get(c.partner()), zone);
            if (sources.insert(workspace, source, now)) {
                made.add(source.id());
            }
        }
        return made;
    }

    /**
     * The days to count: complete (ended in {@code zone} at least {@code grace} ago), among the last
     * {@code catchUpDays} complete ones, not before the day of {@code since}, and not {@code counted} yet.
     */
    static List<LocalDate> openDays(
            Instant now, ZoneId zone, Duration grace, int catchUpDays, Instant since, Set<LocalDate> counted) {
        LocalDate end = LocalDate.ofInstant(now.minus(grace), zone); // the first day not complete
        LocalDate first = end.minusDays(catchUpDays);
        LocalDate start = LocalDate.ofInstant(since, zone);
        if (start.isAfter(first)) {
            first = start;
        }
        return first.isBefore(end)
                ? first.datesUntil(end).filter(d -> !counted.contains(d)).toList()
                : List.of();
    }

    /**
     * One partner's day of clicks. It happened at the day's noon in the workspace's zone: the engine's cap
     * periods are UTC dates, and local noon is on the same UTC date in every zone from UTC−11 to UTC+12.
     */
    private static CommissionSource source(
            WorkspaceId workspace,
            ClickCounts.DailyClicks c,
            String keySuffix,
            String descriptionSuffix,
            UUID tier,
            ZoneId zone) {
        String key = "click:" + workspace.value() + ":" + c.partner().value() + ":"
                + c.program().value() + ":" + c.day() + keySuffix;
        return CommissionSource.flat(
                UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)),
                CommissionSource.Kind.CLICK,
                c.partner(),
                c.program(),
                tier,
                c.clicks()
                        + (c.clicks() == 1 ? " valid click on " : " valid clicks on ")
                        + DAY.format(c.day())
                        + descriptionSuffix,
                c.day().atTime(LocalTime.NOON).atZone(zone).toInstant(),
                null,
                Math.toIntExact(c.clicks()));
    }

    /** Each member's tier in the programme now (null when it qualifies for none). */
    private Map<PartnerId, UUID> tiers(ProgramId program) {
        Map<PartnerId, UUID> tiers = new HashMap<>();
        for (MembershipView m : memberships.list(program, null)) {
            tiers.put(m.partnerId(), m.tierId());
        }
        return tiers;
    }
}
