package dev.canopy.commissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.canopy.commissions.internal.ClickPricing;
import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickTable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A click rule pays each complete day's valid clicks — days of the workspace's time zone, here Kolkata —
 * as one commission per partner and day: bots and a visitor's repeat within the hour are not paid, nor
 * another workspace's or programme's clicks; the day under way waits until it has ended and the grace has
 * passed; running the job again, even without its claims, pays nothing twice; a cap cuts the days in order.
 */
@CanopyTest
class ClickRulesPayEachCompleteDaysValidClicks {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final String PERSON =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Safari/605.1.15";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    ClickPricing pricing;

    @Autowired
    ClickTable clicks;

    @Autowired
    Commissions commissions;

    @Autowired
    CommissionPlans plans;

    @Autowired
    Workspaces workspaces;

    @Autowired
    JdbcClient db;

    private CommissionFixtures f;
    private Fixtures.Tenant tenant;
    private ProgramView program;
    private PartnerId a;
    private PartnerId b;

    @BeforeEach
    void aWorkspaceInKolkataWithTwoPartners() {
        f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        fixtures.as(tenant.owner(), () -> {
            WorkspaceView w = workspaces.current();
            return workspaces.update(new Workspaces.Settings(w.name(), null, KOLKATA.getId(), "EUR"));
        });
        program = f.referralProgram(tenant, "EUR", 30);
        a = f.member(tenant, program).id();
        b = f.member(tenant, program).id();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachCompleteDaysValidClicksArePaidOnceAndTheDayUnderWayWaits() {
        f.rule(tenant, program, CommissionFixtures.perClick("0.05", null, null));
        ProgramView noClickRule = f.referralProgram(tenant, "EUR", 30);
        Fixtures.Tenant other = fixtures.newWorkspace();
        ProgramView theirs = f.referralProgram(other, "EUR", 30);
        PartnerId c = f.member(other, theirs).id();
        f.rule(other, theirs, CommissionFixtures.perClick("0.05", null, null));
        LocalDate t = toTheFifteenth();
        UUID link = UUID.randomUUID();
        people(tenant, a, program, link, t.minusDays(3).atTime(10, 0), 3);
        people(tenant, a, program, link, t.minusDays(2).atTime(9, 0), 1);
        click(tenant, a, program, link, t.minusDays(2).atTime(15, 0), "returning", PERSON);
        // The same visitor on the same link 40 minutes later, stored by another node: a repeat.
        click(tenant, a, program, link, t.minusDays(2).atTime(15, 40), "returning", PERSON);
        click(
                tenant,
                a,
                program,
                link,
                t.minusDays(2).atTime(16, 0),
                "crawler",
                "Mozilla/5.0 (compatible; Googlebot/2.1)");
        // 02:00 in Kolkata is the evening before in UTC: the day is Kolkata's.
        people(tenant, a, program, link, t.minusDays(1).atTime(2, 0), 1);
        people(tenant, a, program, link, t.atTime(8, 0), 2);
        people(tenant, b, program, UUID.randomUUID(), t.minusDays(2).atTime(11, 0), 4);
        people(tenant, a, noClickRule, UUID.randomUUID(), t.minusDays(2).atTime(12, 0), 5);
        people(other, c, theirs, UUID.randomUUID(), t.minusDays(2).atTime(12, 0), 1);

        pricing.priceCompleteDays();

        assertThat(paid(tenant, a))
                .containsOnly(
                        entry(clicksOn(3, t.minusDays(3)), "0.15 EUR"),
                        entry(clicksOn(2, t.minusDays(2)), "0.10 EUR"),
                        entry(clicksOn(1, t.minusDays(1)), "0.05 EUR"));
        assertThat(paid(tenant, b)).containsOnly(entry(clicksOn(4, t.minusDays(2)), "0.20 EUR"));
        assertThat(paid(other, c)).containsOnly(entry(clicksOn(1, t.minusDays(2)), "0.05 EUR"));
        CommissionView first = commissions(tenant, a).stream()
                .filter(v -> v.sourceDescription().equals(clicksOn(3, t.minusDays(3))))
                .findFirst()
                .orElseThrow();
        assertThat(first.explanation()).isEqualTo("3 clicks × 0.05 EUR = 0.15 EUR — rule “Per click”");
        assertThat(first.status()).isEqualTo(CommissionStatus.PENDING);
        assertThat(first.occurredAt())
                .isEqualTo(t.minusDays(3).atTime(LocalTime.NOON).atZone(KOLKATA).toInstant());

        List<Long> made = stored();
        pricing.priceCompleteDays();
        assertThat(stored()).as("run again").isEqualTo(made);
        db.sql("delete from commissions_click_day where workspace_id = ?")
                .param(tenant.id().value())
                .update();
        pricing.priceCompleteDays();
        assertThat(stored()).as("run by a node that missed the claims").isEqualTo(made);

        moveTo(t.plusDays(1).atTime(0, 10));
        pricing.priceCompleteDays();
        assertThat(paid(tenant, a)).as("ended, but within the grace").doesNotContainKey(clicksOn(2, t));
        moveTo(t.plusDays(1).atTime(0, 45));
        pricing.priceCompleteDays();
        assertThat(paid(tenant, a)).containsEntry(clicksOn(2, t), "0.10 EUR").hasSize(4);
    }

    @Test
    void aCapCutsTheDaysInTheirOrder() {
        f.rule(tenant, program, CommissionFixtures.perClick("0.05", "0.20", "MONTH"));
        LocalDate t = toTheFifteenth();
        UUID link = UUID.randomUUID();
        people(tenant, a, program, link, t.minusDays(3).atTime(10, 0), 3);
        people(tenant, a, program, link, t.minusDays(2).atTime(10, 0), 3);
        people(tenant, a, program, link, t.minusDays(1).atTime(10, 0), 2);

        pricing.priceCompleteDays();

        assertThat(paid(tenant, a))
                .containsOnly(
                        entry(clicksOn(3, t.minusDays(3)), "0.15 EUR"),
                        entry(clicksOn(3, t.minusDays(2)), "0.05 EUR"),
                        entry(clicksOn(2, t.minusDays(1)), "0.00 EUR"));
        assertThat(commissions(tenant, a))
                .extracting(CommissionView::explanation)
                .contains("3 clicks × 0.05 EUR = 0.05 EUR, capped from 0.15 EUR — rule “Per click”");
    }

    @Test
    void daysWhileTheClickRuleWasOffStayUnpaid() {
        CommissionRule rule = f.rule(tenant, program, CommissionFixtures.perClick("0.05", null, null));
        switchRule(rule, false);
        LocalDate t = toTheFifteenth();
        UUID link = UUID.randomUUID();
        people(tenant, a, program, link, t.minusDays(2).atTime(10, 0), 3);
        pricing.priceCompleteDays();
        switchRule(rule, true);
        pricing.priceCompleteDays();
        assertThat(paid(tenant, a)).isEmpty();

        people(tenant, a, program, link, t.atTime(10, 0), 2);
        moveTo(t.plusDays(1).atTime(1, 0));
        pricing.priceCompleteDays();
        assertThat(paid(tenant, a)).containsOnly(entry(clicksOn(2, t), "0.10 EUR"));
    }

    /**
     * Noon in Kolkata on the 15th of a month at least five days ahead: the rules (made now) are older than
     * the days the tests click on, and those days are in one month.
     */
    @Test
    void clicksStoredAfterTheirDayWasPricedArePaidOnTheNextRunOnce() {
        f.rule(tenant, program, CommissionFixtures.perClick("0.05", null, null));
        LocalDate t = toTheFifteenth();
        UUID link = UUID.randomUUID();
        people(tenant, a, program, link, t.minusDays(2).atTime(10, 0), 3);
        pricing.priceCompleteDays();
        assertThat(paid(tenant, a)).containsOnly(entry(clicksOn(3, t.minusDays(2)), "0.15 EUR"));

        // Two clicks of that day reach PostgreSQL after it was priced (a node held them while PostgreSQL was
        // away), and one repeat of a visitor's within the hour, which is not a valid click.
        people(tenant, a, program, link, t.minusDays(2).atTime(18, 0), 2);
        click(tenant, a, program, link, t.minusDays(2).atTime(18, 30), "late-1", PERSON);
        click(tenant, a, program, link, t.minusDays(2).atTime(18, 50), "late-1", PERSON);
        pricing.priceCompleteDays();
        pricing.priceCompleteDays();

        assertThat(paid(tenant, a))
                .containsOnly(
                        entry(clicksOn(3, t.minusDays(2)), "0.15 EUR"),
                        entry("3 valid clicks on " + DAY.format(t.minusDays(2)) + " stored late", "0.15 EUR"));
        List<Long> before = stored();
        pricing.priceCompleteDays();
        assertThat(stored()).isEqualTo(before);
    }

    private LocalDate toTheFifteenth() {
        LocalDate soonest = LocalDate.now(clock.withZone(KOLKATA)).plusDays(5);
        LocalDate day = soonest.getDayOfMonth() <= 15
                ? soonest.withDayOfMonth(15)
                : soonest.plusMonths(1).withDayOfMonth(15);
        moveTo(day.atTime(12, 0));
        return day;
    }

    private void moveTo(LocalDateTime inKolkata) {
        clock.advance(
                Duration.between(clock.instant(), inKolkata.atZone(KOLKATA).toInstant()));
    }

    private void switchRule(CommissionRule rule, boolean active) {
        fixtures.as(tenant.owner(), () -> {
            plans.setActive(program.id(), rule.id(), active);
            return null;
        });
    }

    /** {@code count} people click, a minute apart. */
    private void people(
            Fixtures.Tenant in, PartnerId partner, ProgramView p, UUID link, LocalDateTime from, int count) {
        for (int i = 0; i < count; i++) {
            click(in, partner, p, link, from.plusMinutes(i), UUID.randomUUID().toString(), PERSON);
        }
    }

    private void click(
            Fixtures.Tenant in,
            PartnerId partner,
            ProgramView p,
            UUID link,
            LocalDateTime at,
            String visitor,
            String agent) {
        clicks.insert(List.of(new Click(
                UUID.randomUUID(),
                in.id(),
                link,
                partner.value(),
                p.id().value(),
                at.atZone(KOLKATA).toInstant(),
                visitor,
                "203.0.113.0",
                agent,
                null,
                null)));
    }

    private static String clicksOn(int count, LocalDate day) {
        return count + (count == 1 ? " valid click on " : " valid clicks on ") + DAY.format(day);
    }

    private List<CommissionView> commissions(Fixtures.Tenant in, PartnerId partner) {
        return fixtures.as(
                in.owner(),
                () -> commissions
                        .list(new CommissionFilter(null, partner, null, null))
                        .items());
    }

    /** The partner's commissions: what each came from → its amount. */
    private Map<String, String> paid(Fixtures.Tenant in, PartnerId partner) {
        return commissions(in, partner).stream()
                .collect(Collectors.toMap(
                        CommissionView::sourceDescription, v -> v.amount().toString()));
    }

    private List<Long> stored() {
        return List.of(
                fixtures.count("commissions_source", tenant.id()),
                fixtures.count("commissions_commission", tenant.id()));
    }
}
