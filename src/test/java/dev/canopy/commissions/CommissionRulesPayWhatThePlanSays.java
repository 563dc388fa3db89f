package dev.canopy.commissions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealId;
import dev.canopy.deals.DealWon;
import dev.canopy.deals.RevenueBasis;
import dev.canopy.deals.Sourcing;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.partners.NewPartner;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.Partners;
import dev.canopy.payouts.PayoutFixtures;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.MetricReading;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.TierDraft;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.Actor;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.AttributionSignal;
import dev.canopy.tracking.ConversionAttributed;
import dev.canopy.tracking.ConversionId;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.CustomerId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The commission engine as the plan editor promises it: tier overrides, durations (once, N months, lifetime),
 * conditions, caps per period, exchange rates locked at creation, reseller margins recorded and not paid,
 * and the fraud rules that hold a commission with their reason.
 */
@CanopyTest
class CommissionRulesPayWhatThePlanSays {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Commissions commissions;

    @Autowired
    ExchangeRates rates;

    @Autowired
    FraudRules fraudRules;

    @Autowired
    Partners partners;

    @Autowired
    Memberships memberships;

    @Autowired
    Tiers tiers;

    CommissionFixtures f;
    Fixtures.Tenant tenant;
    VendorUser finance;
    ProgramView program;
    DealFixtures.Member partner;

    @BeforeEach
    void setUp() {
        f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        finance = fixtures.member(tenant, Role.FINANCE);
        program = f.referralProgram(tenant, "EUR", 30);
        partner = f.member(tenant, program);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void goldEarnsItsOverrideWhereTheOthersEarnTheRuleRate() {
        TierView gold = fixtures.as(tenant.owner(), () -> {
            tiers.addTier(program.id(), new TierDraft("Silver", "", Map.of()));
            return tiers.addTier(program.id(), new TierDraft("Gold", "", Map.of(TierMetric.DEALS_WON, "5")));
        });
        DealFixtures.Member silver = f.member(tenant, program);
        PartnerId goldPartner = goldMember(gold);
        f.rule(
                tenant,
                program,
                rule(
                        "RECURRING_PAYMENT",
                        "15",
                        "LIFETIME",
                        null,
                        Map.of(gold.id().toString(), "20")));

        f.sale(tenant, program, silver.id(), UUID.randomUUID(), "1000.00", "EUR", true);
        f.sale(tenant, program, goldPartner, UUID.randomUUID(), "1000.00", "EUR", true);

        assertThat(amounts(silver.id())).containsExactly("150.00");
        assertThat(amounts(goldPartner)).containsExactly("200.00");
        assertThat(only(goldPartner).explanation()).startsWith("20 % of 1000.00 EUR = 200.00 EUR");
    }

    @Test
    void aOnceRulePaysEachCustomersFirstPaymentOnly() {
        f.rule(tenant, program, CommissionFixtures.draft("Welcome share", "RECURRING_PAYMENT", "PAYMENT", "10", null));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        f.sale(tenant, program, partner.id(), first, "500.00", "EUR", true);
        f.sale(tenant, program, partner.id(), first, "700.00", "EUR", false);
        f.sale(tenant, program, partner.id(), second, "300.00", "EUR", true);
        f.sale(tenant, program, partner.id(), first, "900.00", "EUR", false);

        assertThat(amounts(partner.id())).containsExactlyInAnyOrder("50.00", "30.00");
    }

    @Test
    void anNMonthRulePaysFromTheFirstPaymentForThatManyMonths() {
        f.rule(tenant, program, rule("RECURRING_PAYMENT", "20", "MONTHS", "12", Map.of()));
        UUID customer = UUID.randomUUID();

        f.sale(tenant, program, partner.id(), customer, "100.00", "EUR", true);
        clock.advance(Duration.ofDays(360));
        f.sale(tenant, program, partner.id(), customer, "110.00", "EUR", false);
        clock.advance(Duration.ofDays(10));
        f.sale(tenant, program, partner.id(), customer, "120.00", "EUR", false);

        assertThat(amounts(partner.id())).containsExactlyInAnyOrder("20.00", "22.00");
    }

    @Test
    void conditionsOnProductCountryAndAmountChooseTheSalesARulePaysOn() {
        f.rule(
                tenant,
                program,
                new RuleDraft(
                        "Indian cloud deals",
                        "RECURRING_PAYMENT",
                        "PAYMENT",
                        "10",
                        null,
                        "LIFETIME",
                        null,
                        "Cloud Suite",
                        "IN",
                        "100",
                        "10000",
                        null,
                        null,
                        null,
                        Map.of()));

        sale(partner.id(), "1000.00", "EUR", "cloud suite", "IN", null, null);
        sale(partner.id(), "1000.00", "EUR", "on-prem", "IN", null, null);
        sale(partner.id(), "1000.00", "EUR", "cloud suite", "US", null, null);
        sale(partner.id(), "99.99", "EUR", "cloud suite", "IN", null, null);
        sale(partner.id(), "10000.01", "EUR", "cloud suite", "IN", null, null);
        sale(partner.id(), "10000.00", "EUR", "cloud suite", "IN", null, null);

        assertThat(amounts(partner.id())).containsExactlyInAnyOrder("100.00", "1000.00");
    }

    @Test
    void aCapLimitsWhatAPartnerEarnsUnderTheRuleInAPeriodAndResetsAfterIt() {
        f.rule(
                tenant,
                program,
                new RuleDraft(
                        "Capped share",
                        "RECURRING_PAYMENT",
                        "PAYMENT",
                        "10",
                        null,
                        "LIFETIME",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "50",
                        "MONTH",
                        Map.of()));
        // early in a calendar month, so the three sales below fall in one period
        clock.advance(Duration.between(
                clock.instant(),
                LocalDate.now(clock)
                        .withDayOfMonth(1)
                        .plusMonths(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .plusDays(2)
                        .toInstant()));

        f.sale(tenant, program, partner.id(), UUID.randomUUID(), "300.00", "EUR", true);
        f.sale(tenant, program, partner.id(), UUID.randomUUID(), "300.00", "EUR", true);
        f.sale(tenant, program, partner.id(), UUID.randomUUID(), "100.00", "EUR", true);
        assertThat(total(partner.id())).isEqualByComparingTo("50.00");
        assertThat(list(partner.id()))
                .extracting(CommissionView::explanation)
                .anySatisfy(
                        text -> assertThat(text).startsWith("10 % of 300.00 EUR = 20.00 EUR, capped from 30.00 EUR"))
                .anySatisfy(
                        text -> assertThat(text).startsWith("10 % of 100.00 EUR = 0.00 EUR, capped from 10.00 EUR"));

        clock.advance(Duration.ofDays(32));
        f.sale(tenant, program, partner.id(), UUID.randomUUID(), "300.00", "EUR", true);
        assertThat(total(partner.id())).isEqualByComparingTo("80.00");
    }

    @Test
    void aSaleInAnotherCurrencyIsConvertedAtTheRateOfItsDayAndTheRateIsLocked() {
        f.rule(tenant, program, CommissionFixtures.recurring("10"));
        String yesterday = LocalDate.now(clock).minusDays(1).toString();
        fixtures.as(finance, () -> rates.enter("INR", "EUR", yesterday, "0.011"));
        fixtures.as(finance, () -> rates.enter("EUR", "USD", yesterday, "1.25"));

        f.sale(tenant, program, partner.id(), UUID.randomUUID(), "100000.00", "INR", true);
        f.sale(tenant, program, partner.id(), UUID.randomUUID(), "1000.00", "USD", true);
        assertThat(amounts(partner.id())).containsExactlyInAnyOrder("110.00", "80.00");

        fixtures.as(
                finance, () -> rates.enter("INR", "EUR", LocalDate.now(clock).toString(), "0.02"));
        CommissionView inr = list(partner.id()).stream()
                .filter(c -> c.base().currencyCode().equals("INR"))
                .findFirst()
                .orElseThrow();
        assertThat(inr.amount()).isEqualTo(Money.of("110.00", "EUR"));
        assertThat(inr.fxRate()).isEqualByComparingTo("0.011");
        assertThat(inr.explanation()).contains("at 0.011 EUR/INR (rate of " + yesterday + ")");
    }

    @Test
    void aSaleWithoutARateWaitsForOneAndIsPricedWhenItIsEntered() {
        f.rule(tenant, program, CommissionFixtures.recurring("10"));
        f.sale(tenant, program, partner.id(), UUID.randomUUID(), "200.00", "GBP", true);
        assertThat(list(partner.id())).isEmpty();

        fixtures.as(
                finance, () -> rates.enter("GBP", "EUR", LocalDate.now(clock).toString(), "1.15"));

        assertThat(amounts(partner.id())).containsExactly("23.00");
    }

    @Test
    void aResellerMarginOnListPriceIsRecordedAndNeverPayable() {
        f.rule(tenant, program, CommissionFixtures.draft("Reseller margin", "DEAL_WON", "LIST_PRICE", "25", null));
        AsSystem.in(tenant.id(), Actor.system(), () -> {
            commissions.record(new DealWon(
                    tenant.id(),
                    new DealId(UUID.randomUUID()),
                    partner.id(),
                    program.id(),
                    "Initech",
                    "initech.example",
                    Money.of("40000.00", "EUR"),
                    RevenueBasis.LIST_PRICE,
                    List.of("Cloud Suite"),
                    Sourcing.SOURCED,
                    clock.instant()));
            return null;
        });

        CommissionView margin = only(partner.id());
        assertThat(margin.amount()).isEqualTo(Money.of("10000.00", "EUR"));
        assertThat(margin.status()).isEqualTo(CommissionStatus.RECORDED);
        assertThat(margin.payable()).isFalse();
    }

    @Test
    void aCustomerAtThePartnersOwnDomainIsHeldAsSelfReferral() {
        f.rule(tenant, program, CommissionFixtures.recurring("10"));
        PartnerId selfie = memberWithWebsite("https://www.selfie-partner.example");

        sale(selfie, "100.00", "EUR", "cloud suite", "IN", "ceo@selfie-partner.example", null);
        sale(partner.id(), "100.00", "EUR", "cloud suite", "IN", "ceo@selfie-partner.example", null);

        assertThat(only(selfie).status()).isEqualTo(CommissionStatus.HELD);
        assertThat(only(selfie).holdReasons())
                .containsExactly("Self-referral: the customer's domain is the partner's own (selfie-partner.example)");
        assertThat(only(partner.id()).status()).isEqualTo(CommissionStatus.PENDING);
    }

    @Test
    void aPaidAdsClickIdOnTheClickHoldsTheCommission() {
        f.rule(tenant, program, CommissionFixtures.recurring("10"));

        sale(partner.id(), "100.00", "EUR", "cloud suite", "IN", null, "gclid");

        assertThat(only(partner.id()).status()).isEqualTo(CommissionStatus.HELD);
        assertThat(only(partner.id()).holdReasons()).containsExactly("Paid-ads click id on the click (gclid)");
    }

    @Test
    void twoPartnersPaidIntoOneAccountAreHeldAsDuplicates() {
        f.rule(tenant, program, CommissionFixtures.recurring("10"));
        PayoutFixtures payouts = new PayoutFixtures(context);
        String iban = PayoutFixtures.IBANS.getFirst();
        DealFixtures.Member one = payouts.bankPartner(tenant, program, iban);
        DealFixtures.Member two = payouts.bankPartner(tenant, program, iban);
        DealFixtures.Member elsewhere = payouts.bankPartner(tenant, program, PayoutFixtures.IBANS.get(1));

        for (PartnerId p : List.of(one.id(), two.id(), elsewhere.id())) {
            f.sale(tenant, program, p, UUID.randomUUID(), "100.00", "EUR", true);
        }

        assertThat(only(one.id()).status()).isEqualTo(CommissionStatus.HELD);
        assertThat(only(two.id()).holdReasons()).singleElement().asString().startsWith("Duplicate account: ");
        assertThat(only(elsewhere.id()).status()).isEqualTo(CommissionStatus.PENDING);
    }

    @Test
    void aPartnerWhoseRefundRatePassesTheThresholdHasItsNextCommissionsHeld() {
        f.rule(tenant, program, CommissionFixtures.recurring("10"));
        fixtures.as(finance, () -> fraudRules.saveFraudSettings(new FraudSettingsDraft(true, true, true, "30", "3")));
        UUID customer = UUID.randomUUID();
        UUID first = f.sale(tenant, program, partner.id(), customer, "100.00", "EUR", true);
        UUID second = f.sale(tenant, program, partner.id(), customer, "100.00", "EUR", false);
        f.sale(tenant, program, partner.id(), customer, "100.00", "EUR", false);
        f.refund(tenant, program, partner.id(), customer, first, "100.00", "EUR");
        f.sale(tenant, program, partner.id(), customer, "100.00", "EUR", false);
        assertThat(status(CommissionStatus.HELD))
                .as("1 refund of 4 sales: 25 %")
                .isEmpty();

        f.refund(tenant, program, partner.id(), customer, second, "100.00", "EUR");
        f.sale(tenant, program, partner.id(), customer, "100.00", "EUR", false);

        assertThat(status(CommissionStatus.HELD))
                .singleElement()
                .satisfies(c ->
                        assertThat(c.holdReasons()).containsExactly("Refund rate above 30 % (2 refunds of 5 sales)"));
    }

    private PartnerId goldMember(TierView gold) {
        PartnerId id = fixtures.partnerOf(fixtures.partnerUser(tenant));
        partners.activateOnFirstJoin(tenant.id(), id, Actor.system());
        tiers.recordMetric(
                tenant.id(), new MetricReading(id, TierMetric.DEALS_WON, BigDecimal.valueOf(5), null, clock.instant()));
        MembershipView membership = fixtures.as(tenant.owner(), () -> memberships.enrol(program.id(), id));
        assertThat(membership.tierId())
                .as("enrolled at the tier its deals earn")
                .isEqualTo(gold.id());
        return id;
    }

    private PartnerId memberWithWebsite(String website) {
        PartnerId id = fixtures.as(
                tenant.owner(),
                () -> partners.invite(new NewPartner(
                                Fixtures.unique("Selfie"),
                                website,
                                Set.of(PartnerType.REFERRAL),
                                List.of("APAC"),
                                List.of(),
                                null,
                                "Self Person",
                                Fixtures.uniqueEmail("selfie")))
                        .id());
        partners.activateOnFirstJoin(tenant.id(), id, Actor.system());
        fixtures.as(tenant.owner(), () -> memberships.enrol(program.id(), id));
        return id;
    }

    private static RuleDraft rule(
            String event, String rate, String duration, String months, Map<String, String> tierRates) {
        return new RuleDraft(
                "Share", event, "PAYMENT", rate, null, duration, months, null, null, null, null, null, null, null,
                tierRates);
    }

    private void sale(
            PartnerId to, String amount, String currency, String product, String country, String email, String paidAd) {
        UUID id = UUID.randomUUID();
        f.conversion(
                tenant,
                new ConversionAttributed(
                        tenant.id(),
                        new ConversionId(id),
                        ConversionKind.SALE,
                        to,
                        program.id(),
                        new CustomerId(UUID.randomUUID()),
                        email,
                        null,
                        email == null ? null : email.substring(email.indexOf('@') + 1),
                        country,
                        Money.of(amount, currency),
                        false,
                        true,
                        product,
                        "in_" + id,
                        null,
                        AttributionSignal.CLICK,
                        UUID.randomUUID(),
                        paidAd,
                        DatabaseTime.now(clock)));
    }

    private List<CommissionView> list(PartnerId of) {
        return fixtures.as(
                finance,
                () -> commissions
                        .list(new CommissionFilter(null, of, null, null))
                        .items());
    }

    private List<CommissionView> status(CommissionStatus status) {
        return fixtures.as(
                finance,
                () -> commissions
                        .list(new CommissionFilter(status, null, null, null))
                        .items());
    }

    private CommissionView only(PartnerId of) {
        List<CommissionView> all = list(of);
        assertThat(all).as("commissions of the partner").hasSize(1);
        return all.getFirst();
    }

    private List<String> amounts(PartnerId of) {
        return list(of).stream().map(c -> c.amount().amount().toPlainString()).toList();
    }

    private BigDecimal total(PartnerId of) {
        return list(of).stream().map(c -> c.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
