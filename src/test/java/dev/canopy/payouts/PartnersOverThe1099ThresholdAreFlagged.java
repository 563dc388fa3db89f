package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.deals.DealFixtures;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Real payout runs over two calendar years, in a workspace in New York: the threshold is the dated rule of each year
 * ($600 for 2025, $2,000 for 2026, "or more"), a run marked paid on 1 January in UTC but 31 December in New York
 * counts for the old year, euros are converted at the workspace's rate, a payment with no rate is shown, a W-8
 * partner gets no 1099 and a US partner without a W-9 is flagged.
 */
@CanopyTest
class PartnersOverThe1099ThresholdAreFlagged {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Form1099Report report;

    @Autowired
    ExchangeRates rates;

    @Autowired
    PayoutRuns runs;

    @Autowired
    PayoutRunPayments payments;

    PayoutFixtures f;
    CommissionFixtures c;
    Fixtures.Tenant tenant;

    @BeforeEach
    void aWorkspaceInNewYork() {
        f = new PayoutFixtures(context);
        c = f.commissions();
        tenant = fixtures.newWorkspace();
        f.timezone(tenant, "America/New_York");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachYearHasItsThresholdAndEveryPartnerItsFlag() {
        ProgramView dollars = programme("USD");
        ProgramView euros = programme("EUR");
        ProgramView pounds = programme("GBP");
        DealFixtures.Member alice = partner(dollars, "US", "W9");
        DealFixtures.Member bob = partner(dollars, "US", "W9");
        DealFixtures.Member carla = partner(dollars, "DE", "W8BEN");
        DealFixtures.Member dan = partner(dollars, "US", null);
        DealFixtures.Member eve = f.paypalPartner(tenant, dollars, "US");
        DealFixtures.Member erik = partner(euros, "US", "W9");
        DealFixtures.Member gwen = partner(pounds, "US", "W9");
        fixtures.as(tenant.owner(), () -> rates.enter("EUR", "USD", "2026-01-01", "1.1"));

        // 03:00 on 1 January 2026 in UTC is still 31 December 2025 in New York.
        at("2026-01-01T03:00:00Z");
        pay(dollars, "USD", alice, "7500"); // 20 %: 1,500.00
        f.paidRun(tenant);

        at("2026-06-15T15:00:00Z");
        pay(dollars, "USD", alice, "7500"); // 1,500.00
        pay(dollars, "USD", bob, "10000"); // 2,000.00: exactly the threshold
        pay(dollars, "USD", carla, "12500"); // 2,500.00
        pay(dollars, "USD", dan, "12000"); // 2,400.00
        pay(dollars, "USD", eve, "10000"); // 2,000.00
        pay(euros, "EUR", erik, "10000"); // 2,000.00 EUR = 2,200.00 USD
        pay(pounds, "GBP", gwen, "2500"); // 500.00 GBP, no rate
        f.paidRun(tenant);

        at("2026-06-20T15:00:00Z");
        pay(dollars, "USD", alice, "10000");
        PayoutRunView notPaid = f.approvedRun(tenant);
        fixtures.as(tenant.owner(), () -> payments.export(notPaid.id()));

        Form1099Year y2025 = fixtures.as(tenant.owner(), () -> report.report("2025"));
        assertThat(y2025.threshold()).isEqualTo(Money.of("600.00", "USD"));
        assertThat(y2025.thresholdNote()).contains("1099-NEC");
        assertThat(y2025.rows()).singleElement().satisfies(r -> {
            assertThat(r.partner()).isEqualTo(alice.id());
            assertThat(r.flag()).isEqualTo(Form1099Flag.NEC_REQUIRED);
            assertThat(r.form()).isEqualTo(UsTaxForm.W9);
            assertThat(r.paid()).isEqualTo(Money.of("1500.00", "USD"));
            assertThat(r.payments())
                    .singleElement()
                    .extracting(Form1099Payment::paidOn)
                    .isEqualTo(LocalDate.parse("2025-12-31"));
        });

        Form1099Year y2026 = fixtures.as(tenant.owner(), () -> report.report("2026"));
        assertThat(y2026.threshold()).isEqualTo(Money.of("2000.00", "USD"));
        assertThat(y2026.thresholdFrom()).isEqualTo(LocalDate.parse("2026-01-01"));
        Map<PartnerId, Form1099Row> rows =
                y2026.rows().stream().collect(Collectors.toMap(Form1099Row::partner, r -> r));
        assertThat(rows)
                .as("alice's 1,500.00 of 2026 is under $2,000; her exported run is not paid")
                .doesNotContainKey(alice.id());
        assertThat(rows.get(bob.id()).flag()).isEqualTo(Form1099Flag.NEC_REQUIRED);
        assertThat(rows.get(bob.id()).paid()).isEqualTo(Money.of("2000.00", "USD"));
        assertThat(rows.get(carla.id()).flag()).isEqualTo(Form1099Flag.FOREIGN_W8);
        assertThat(rows.get(carla.id()).form()).isEqualTo(UsTaxForm.W8BEN);
        assertThat(rows.get(dan.id()).flag()).isEqualTo(Form1099Flag.W9_MISSING);
        assertThat(rows.get(eve.id()).flag())
                .as("no tax details: the US bank country makes it a US partner")
                .isEqualTo(Form1099Flag.W9_MISSING);
        assertThat(rows.get(eve.id()).form()).isEqualTo(UsTaxForm.NONE);
        Form1099Row euro = rows.get(erik.id());
        assertThat(euro.flag()).isEqualTo(Form1099Flag.NEC_REQUIRED);
        assertThat(euro.paid()).isEqualTo(Money.of("2200.00", "USD"));
        assertThat(euro.conversions()).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualTo(Money.of("2000.00", "EUR"));
            assertThat(p.rate().effectiveOn()).isEqualTo(LocalDate.parse("2026-01-01"));
        });
        Form1099Row pound = rows.get(gwen.id());
        assertThat(pound.flag()).isEqualTo(Form1099Flag.RATE_MISSING);
        assertThat(pound.paid()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(pound.unconverted())
                .singleElement()
                .extracting(Form1099Payment::amount)
                .isEqualTo(Money.of("500.00", "GBP"));
        assertThat(rows).hasSize(6);
        assertThat(y2026.rows().getFirst().flag()).isEqualTo(Form1099Flag.NEC_REQUIRED);
        assertThat(y2026.total()).isEqualTo(Money.of("11100.00", "USD"));
        assertThat(y2026.payments()).isEqualTo(6);

        // The missing rate entered (the other way round), the pounds count: 500 GBP / 0.8 = 625.00 USD, under $2,000.
        fixtures.as(tenant.owner(), () -> rates.enter("USD", "GBP", "2026-06-01", "0.8"));
        Form1099Year withRate = fixtures.as(tenant.owner(), () -> report.report("2026"));
        assertThat(withRate.rows())
                .extracting(Form1099Row::partner)
                .doesNotContain(gwen.id())
                .hasSize(5);
    }

    @Test
    void aYearThatIsNotOneIsRefusedByName() {
        for (String year : List.of("twenty", "20266", "-2025", "1999", "2999")) {
            assertThatThrownBy(() -> fixtures.as(tenant.owner(), () -> report.report(year)))
                    .as(year)
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .singleElement()
                            .satisfies(p -> assertThat(p.field()).isEqualTo("year")));
        }
        int now = LocalDate.now(clock.withZone(java.time.ZoneId.of("America/New_York")))
                .getYear();
        assertThat(fixtures.as(tenant.owner(), () -> report.report(null)).year())
                .isEqualTo(now);
        assertThat(fixtures.as(tenant.owner(), report::years)).startsWith(now, now - 1);
    }

    private ProgramView programme(String currency) {
        ProgramView program = c.referralProgram(tenant, currency, 30);
        c.rule(tenant, program, CommissionFixtures.referralFee("20"));
        return program;
    }

    private DealFixtures.Member partner(ProgramView program, String country, String usForm) {
        DealFixtures.Member member = f.paypalPartner(tenant, program, null);
        f.usTaxForm(tenant, member.id(), country, usForm);
        return member;
    }

    private void pay(ProgramView program, String currency, DealFixtures.Member partner, String dealAmount) {
        f.approvedCommission(tenant, program, partner.id(), dealAmount, currency);
    }

    private void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }
}
