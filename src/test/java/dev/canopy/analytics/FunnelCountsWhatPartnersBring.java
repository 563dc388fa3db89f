package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.commissions.ExchangeRates;
import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerProfile;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.Partners;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The funnel on a small ecosystem whose answer is worked out by hand: two partners' clicks (one stored a day
 * late), leads and sales — one in euros converted at its own day's rate, one in pounds with no rate, a refund —
 * beside an unattributed sale and another workspace's activity, in November 2026 against the 18 days before.
 */
@CanopyTest
class FunnelCountsWhatPartnersBring {

    private static final LocalDate FIRST = LocalDate.parse("2026-11-01");
    private static final LocalDate LAST = LocalDate.parse("2026-11-18");

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    Analytics analytics;

    @Autowired
    ClickTable clicks;

    @Autowired
    ExchangeRates rates;

    @Autowired
    Workspaces workspaces;

    @Autowired
    JdbcClient db;

    @Autowired
    Partners partners;

    private TrackingFixtures tracking;
    private TrackingFixtures.Setup setup;
    private PartnerId bluebird;
    private PartnerId kestrel;
    private TrackingFixtures.Setup other;
    private UUID kestrelsLink;

    /** The figures are worked out for 18 November 2026, whatever day the suite runs as of. */
    @BeforeEach
    void onTheEighteenthOfNovember() {
        clock.setTo(java.time.Instant.parse("2026-11-18T10:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void anEcosystem() throws Exception {
        tracking = new TrackingFixtures(context);
        setup = tracking.setup();
        bluebird = setup.partner();
        kestrel = tracking.partner(setup.tenant(), setup.program(), "Kestrel " + Fixtures.unique("k"));
        kestrelsLink = tracking.link(
                        setup.tenant(), kestrel, setup.program(), "https://www." + TrackingFixtures.SHOP + "/")
                .id()
                .value();
        fixtures.as(setup.tenant().owner(), () -> {
            WorkspaceView w = workspaces.current();
            workspaces.update(new Workspaces.Settings(w.name(), null, "UTC", "USD"));
            // The euro was 1.10 dollars from 1 November, 1.25 from 15 November: the 3 November sale takes 1.10.
            rates.enter("EUR", "USD", "2026-11-01", "1.10");
            return rates.enter("EUR", "USD", "2026-11-15", "1.25");
        });

        clicksOn(bluebird, "2026-11-03T10:00:00Z", 6);
        clicksOn(kestrel, "2026-11-04T10:00:00Z", 5);
        clicksOn(bluebird, "2026-10-20T10:00:00Z", 4); // the period before
        clicksOn(bluebird, "2026-10-31T23:59:00Z", 1); // the period before, by a minute
        clicksOn(bluebird, "2026-10-05T10:00:00Z", 7); // before both: taken away from October read as a month
        clicksOn(bluebird, "2026-11-05T08:00:00Z", 3);
        // A click of 3 November stored after the others (a node's queue drained late): still 3 November's.
        clicksOn(bluebird, "2026-11-03T22:00:00Z", 2);

        String blue = ref(bluebird);
        String kes = ref(kestrel);
        send(
                "lead",
                "{\"id\":\"l1\",\"customerExternalId\":\"c1\",\"partnerRef\":\"" + blue
                        + "\",\"occurredAt\":\"2026-11-03T11:00:00Z\"}");
        send(
                "lead",
                "{\"id\":\"l2\",\"customerExternalId\":\"c2\",\"partnerRef\":\"" + blue
                        + "\",\"occurredAt\":\"2026-11-03T12:00:00Z\"}");
        send(
                "lead",
                "{\"id\":\"l3\",\"customerExternalId\":\"c3\",\"partnerRef\":\"" + kes
                        + "\",\"occurredAt\":\"2026-11-04T12:00:00Z\"}");
        send("lead", "{\"id\":\"l4\",\"customerExternalId\":\"c4\",\"occurredAt\":\"2026-11-04T12:00:00Z\"}");
        send(
                "lead",
                "{\"id\":\"l0\",\"customerExternalId\":\"c0\",\"partnerRef\":\"" + blue
                        + "\",\"occurredAt\":\"2026-10-25T12:00:00Z\"}");

        sale("s1", "c1", "i1", "1000.00", "USD", "2026-11-03T13:00:00Z");
        sale("s2", "c2", "i2", "500.00", "EUR", "2026-11-03T14:00:00Z");
        sale("s3", "c3", "i3", "80.00", "GBP", "2026-11-04T14:00:00Z");
        sale("s4", "c4", "i4", "300.00", "USD", "2026-11-04T15:00:00Z");
        sale("s5", "c1", "i5", "200.00", "USD", "2026-11-10T15:00:00Z");
        send(
                "refund",
                "{\"id\":\"r1\",\"invoiceId\":\"i1\",\"amount\":\"100.00\",\"currency\":\"USD\","
                        + "\"occurredAt\":\"2026-11-12T09:00:00Z\"}");

        // Another workspace's partner, busy on the same days: never counted here.
        other = tracking.setup();
        clicks.insert(List.of(click(other, other.partner(), other.link().id().value(), "2026-11-03T10:00:00Z")));
    }

    @Test
    void theFunnelIsWorkedOutFromTheRollups() {
        FunnelReport report = funnel(new FunnelQuery(new dev.canopy.analytics.Period(FIRST, LAST), null, null));

        // Clicks: Bluebird 6 + 3 + 2 = 11, Kestrel 5; before: 4 + 1.
        assertThat(report.current().clicks()).isEqualTo(16);
        assertThat(report.previous().clicks()).isEqualTo(5);
        assertThat(report.change(Kpi.CLICKS)).contains(new BigDecimal("220.0"));
        // Leads partners brought: c1, c2 (Bluebird), c3 (Kestrel); c4 came alone; c0 was in October.
        assertThat(report.current().leads()).isEqualTo(3);
        assertThat(report.previous().leads()).isEqualTo(1);
        // New customers: c1, c2, c3 paid for the first time (c3 in pounds, still a customer); s5 is c1's second.
        assertThat(report.current().customers()).isEqualTo(3);
        // 1,000 + 500 EUR at 1.10 (3 Nov's rate, not today's 1.25) + 200 − 100 refunded; 80 GBP has no rate.
        assertThat(report.current().partnerRevenue()).isEqualTo(Money.of("1650.00", "USD"));
        assertThat(report.current().unattributedRevenue()).isEqualTo(Money.of("300.00", "USD"));
        assertThat(report.current().partnerShare()).contains(new BigDecimal("84.6"));
        assertThat(report.current().leadRate()).contains(new BigDecimal("18.8"));
        assertThat(report.current().customerRate()).contains(new BigDecimal("100.0"));
        assertThat(report.change(Kpi.PARTNER_REVENUE)).isEmpty();
        assertThat(report.unconverted())
                .containsExactly(new FunnelReport.Unconverted(LocalDate.parse("2026-11-04"), Money.of("80.00", "GBP")));

        assertThat(report.partners())
                .extracting(
                        FunnelReport.PartnerRow::partner,
                        FunnelReport.PartnerRow::clicks,
                        FunnelReport.PartnerRow::leads,
                        FunnelReport.PartnerRow::customers,
                        FunnelReport.PartnerRow::revenue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(bluebird, 11L, 2L, 2L, Money.of("1650.00", "USD")),
                        org.assertj.core.groups.Tuple.tuple(kestrel, 5L, 1L, 1L, Money.of("0.00", "USD")));
        assertThat(report.days()).hasSize(18);
        FunnelReport.DayRow third = report.days().get(2);
        assertThat(third.day()).isEqualTo(LocalDate.parse("2026-11-03"));
        assertThat(third.clicks()).isEqualTo(8);
        assertThat(third.leads()).isEqualTo(2);
        assertThat(third.partnerRevenue()).isEqualTo(Money.of("1550.00", "USD"));
    }

    @Test
    void thePeriodBeforeHasTheFiguresItHasWhenShownItself() throws Exception {
        // The period before is summed in the database without a row per partner: it must add up the same.
        send("lead", "{\"id\":\"l9\",\"customerExternalId\":\"c9\",\"occurredAt\":\"2026-10-20T12:00:00Z\"}");
        sale("s9", "c9", "i9", "70.00", "USD", "2026-10-21T15:00:00Z");
        sale("s8", "c0", "i8", "40.00", "USD", "2026-10-26T15:00:00Z");
        FunnelReport november = funnel(new FunnelQuery(new Period(FIRST, LAST), null, null));
        FunnelReport october = funnel(new FunnelQuery(november.query().period().previous(), null, null));

        assertThat(november.previous()).isEqualTo(october.current());
        assertThat(november.previousDeals()).isEqualTo(october.deals());
        assertThat(october.current().unattributedRevenue()).isEqualTo(Money.of("70.00", "USD"));
        assertThat(october.current().partnerRevenue()).isEqualTo(Money.of("40.00", "USD"));
        assertThat(october.current().clicks()).isEqualTo(5);
    }

    @Test
    void aPartnerOrAProgrammeNarrowsEveryFigure() {
        FunnelReport kestrelOnly = funnel(new FunnelQuery(new dev.canopy.analytics.Period(FIRST, LAST), null, kestrel));
        assertThat(kestrelOnly.current().clicks()).isEqualTo(5);
        assertThat(kestrelOnly.current().leads()).isEqualTo(1);
        assertThat(kestrelOnly.partners())
                .extracting(FunnelReport.PartnerRow::partner)
                .containsExactly(kestrel);
        // Unattributed revenue belongs to no partner: a partner's view has none.
        assertThat(kestrelOnly.current().unattributedRevenue()).isEqualTo(Money.of("0.00", "USD"));

        FunnelReport otherProgramme = funnel(new FunnelQuery(
                new dev.canopy.analytics.Period(FIRST, LAST),
                new dev.canopy.programs.ProgramId(UUID.randomUUID()),
                null));
        assertThat(otherProgramme.current().clicks()).isZero();
        assertThat(otherProgramme.partners()).isEmpty();
    }

    @Test
    void partnersOfATypeOrARegionCountAndUnattributedRevenueDoesNot() throws Exception {
        // Both are resellers in EMEA; Kestrel becomes a referral partner in APAC.
        fixtures.as(
                setup.tenant().owner(),
                () -> partners.updateProfile(
                        kestrel,
                        new PartnerProfile(
                                "Kestrel",
                                "https://kestrel.example",
                                Set.of(PartnerType.REFERRAL),
                                List.of("APAC"),
                                List.of(),
                                null)));
        Period november = new Period(FIRST, LAST);

        FunnelReport referral = funnel(
                new FunnelQuery(november, null, null, new FunnelQuery.Partners(PartnerType.REFERRAL, null, null)));
        assertThat(referral.current().clicks()).isEqualTo(5);
        assertThat(referral.current().leads()).isEqualTo(1);
        assertThat(referral.current().unattributedRevenue()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(referral.partners())
                .extracting(FunnelReport.PartnerRow::partner)
                .containsExactly(kestrel);

        mvc.perform(get("/api/v1/analytics/funnel")
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-18")
                        .param("type", "REFERRAL")
                        .header("Authorization", "Bearer " + setup.apiKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.clicks").value(5))
                .andExpect(jsonPath("$.current.unattributedRevenue.amount").value("0.00"));
        String csv = mvc.perform(get("/app/analytics/partners.csv")
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-18")
                        .param("region", "APAC")
                        .with(Fixtures.signedIn(setup.tenant().owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines())
                .hasSize(2)
                .last()
                .asString()
                .contains(kestrel.value().toString());

        FunnelReport emea = funnel(new FunnelQuery(november, null, null, new FunnelQuery.Partners(null, "emea", null)));
        assertThat(emea.current().clicks()).isEqualTo(11);
        assertThat(emea.current().partnerRevenue()).isEqualTo(Money.of("1650.00", "USD"));

        FunnelReport nobody = funnel(
                new FunnelQuery(november, null, null, new FunnelQuery.Partners(PartnerType.REFERRAL, "EMEA", null)));
        assertThat(nobody.current().clicks()).isZero();
        assertThat(nobody.partners()).isEmpty();
        assertThatThrownBy(() -> FunnelQuery.parse(null, null, null, null, "PIRATE", null, "gold", LAST))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("type", "tier"));
    }

    @Test
    void anotherWorkspacesPartnerIsNobodyHere() throws Exception {
        FunnelReport theirs =
                funnel(new FunnelQuery(new dev.canopy.analytics.Period(FIRST, LAST), null, other.partner()));
        assertThat(theirs.current().clicks()).isZero();
        assertThat(theirs.partners()).isEmpty();
        mvc.perform(get("/app/analytics")
                        .param("partner", other.partner().value().toString())
                        .with(Fixtures.signedIn(setup.tenant().owner())))
                .andExpect(status().isNotFound());
    }

    @Test
    void theApiAnswersTheSameFiguresAndTheCsvTheSameRows() throws Exception {
        mvc.perform(get("/api/v1/analytics/funnel")
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-18")
                        .header("Authorization", "Bearer " + setup.apiKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.clicks").value(16))
                .andExpect(jsonPath("$.current.partnerRevenue.amount").value("1650.00"))
                .andExpect(jsonPath("$.currency").value("USD"))
                .andExpect(jsonPath("$.partners[0].clicks").value(11));

        mvc.perform(get("/api/v1/analytics/retention")
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-18")
                        .header("Authorization", "Bearer " + setup.apiKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partner.payingAccounts").value(3))
                .andExpect(jsonPath("$.direct.payingAccounts").value(1));
        mvc.perform(get("/api/v1/analytics/activation")
                        .param("type", "RESELLER")
                        .header("Authorization", "Bearer " + setup.apiKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approved").isNumber());

        String csv = mvc.perform(get("/app/analytics/partners.csv")
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-18")
                        .with(Fixtures.signedIn(setup.tenant().owner())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().toList())
                .hasSize(3)
                .first()
                .isEqualTo(
                        "Partner,Partner id,Clicks,Unique clicks,Bot requests,Leads,New customers,Revenue,Commissions,Currency");
        assertThat(csv).contains(bluebird.value() + ",11,11,0,2,2,1650.00,0.00,USD");
    }

    @Test
    void badFiltersAreNamedAndTheApiAnswersProblemJson() throws Exception {
        LocalDate today = LocalDate.parse("2026-11-18");
        assertThatThrownBy(() -> FunnelQuery.parse("2026-11-10", "2026-11-01", null, null, today))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("to"));
        assertThatThrownBy(() -> FunnelQuery.parse("1 Nov", null, "nope", null, today))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("from", "program"));
        assertThatThrownBy(() -> FunnelQuery.parse("2020-01-01", "2026-11-18", null, null, today))
                .isInstanceOf(InvalidInputException.class);
        assertThat(FunnelQuery.parse(null, null, null, null, today).period())
                .isEqualTo(new dev.canopy.analytics.Period(LocalDate.parse("2026-10-20"), today));

        mvc.perform(get("/api/v1/analytics/funnel")
                        .param("from", "yesterday")
                        .header("Authorization", "Bearer " + setup.apiKey()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        // The page still answers, for the last 30 days, and says what was wrong.
        mvc.perform(get("/app/analytics")
                        .param("from", "yesterday")
                        .with(Fixtures.signedIn(setup.tenant().owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter a day as YYYY-MM-DD")));
    }

    private FunnelReport funnel(FunnelQuery query) {
        return fixtures.as(setup.tenant().owner(), () -> analytics.funnel(query));
    }

    private void clicksOn(PartnerId partner, String at, int count) {
        List<Click> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(click(
                    setup,
                    partner,
                    partner.equals(kestrel) ? kestrelsLink : setup.link().id().value(),
                    at));
        }
        clicks.insert(batch);
    }

    private static Click click(TrackingFixtures.Setup in, PartnerId partner, UUID link, String at) {
        return new Click(
                UUID.randomUUID(),
                in.tenant().id(),
                link,
                partner.value(),
                in.program().id().value(),
                java.time.Instant.parse(at),
                UUID.randomUUID().toString(),
                "203.0.113.9",
                "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
                null,
                null);
    }

    private String ref(PartnerId partner) {
        return db.sql("select ref from tracking_partner_ref where partner_id = ? limit 1")
                .param(partner.value())
                .query(String.class)
                .single();
    }

    private void sale(String id, String customer, String invoice, String amount, String currency, String at)
            throws Exception {
        send(
                "sale",
                "{\"id\":\"" + id + "\",\"customerExternalId\":\"" + customer + "\",\"invoiceId\":\"" + invoice
                        + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\",\"occurredAt\":\"" + at
                        + "\"}");
    }

    private void send(String kind, String json) throws Exception {
        mvc.perform(post("/api/v1/events/" + kind)
                        .header("Authorization", "Bearer " + setup.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().is2xxSuccessful());
    }
}
