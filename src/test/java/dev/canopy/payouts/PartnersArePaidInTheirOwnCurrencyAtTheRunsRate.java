package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.ExchangeRates;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A EUR programme whose partners are paid in USD, GBP, INR or as earned. The monthly run converts each net at
 * the latest rate on or before the month's last day (a rate entered the other way round converts at its
 * inverse; one dated after the month is not used), locks it on the line, and pays the converted amount in the
 * payment files and statements; the ledger stays in EUR. The partner without an INR rate is carried with the
 * reason and paid by the next run once a rate exists.
 */
@CanopyTest
class PartnersArePaidInTheirOwnCurrencyAtTheRunsRate {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    PayoutRuns runs;

    @Autowired
    PayoutRunPayments payments;

    @Autowired
    PayoutFiles files;

    @Autowired
    PayoutStatements statements;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    ExchangeRates rates;

    @Autowired
    JdbcClient db;

    PayoutFixtures f;
    Fixtures.Tenant tenant;
    VendorUser finance;
    VendorUser colleague;
    DealFixtures.Member inUsd;
    DealFixtures.Member inGbp;
    DealFixtures.Member inInr;
    DealFixtures.Member asEarned;

    @BeforeEach
    void aEuroProgrammeWithPartnersPaidInFourCurrencies() {
        f = new PayoutFixtures(context);
        tenant = fixtures.newWorkspace();
        finance = fixtures.member(tenant, Role.FINANCE);
        colleague = fixtures.member(tenant, Role.FINANCE);
        ProgramView program = f.referralProgramme(tenant, "EUR");
        inUsd = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(0), "USD");
        inGbp = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(1), "gbp");
        inInr = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(2), "INR");
        asEarned = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(3), null);
        // 15 % of each deal: 1,000.00, 3,000.00, 1,500.00 and 1,500.00 EUR.
        f.approvedCommission(tenant, program, inUsd.id(), "6666.67", "EUR");
        f.approvedCommission(tenant, program, inGbp.id(), "20000", "EUR");
        f.approvedCommission(tenant, program, inInr.id(), "10000", "EUR");
        f.approvedCommission(tenant, program, asEarned.id(), "10000", "EUR");
    }

    @Test
    void eachIsPaidItsNetConvertedAtTheMonthsRateAndTheOneWithoutARateWaitsForIt() throws IOException {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        LocalDate lastDay = month.atEndOfMonth();
        enter("EUR", "USD", lastDay.minusDays(10), "1.05");
        enter("EUR", "USD", lastDay, "1.0834");
        enter("EUR", "USD", lastDay.plusDays(1), "1.2");
        enter("GBP", "EUR", lastDay.minusDays(1), "1.17");

        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        assertThat(previewed(inInr).carriedReason())
                .as("the preview says why the INR partner waits")
                .startsWith("No EUR→INR exchange rate on or before " + today);

        PayoutRunView run = fixtures.as(
                tenant.owner(),
                () -> runs.startScheduled(
                                tenant.id(),
                                month.toString(),
                                month.plusMonths(1)
                                        .atDay(1)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant())
                        .orElseThrow());

        PayoutLineView usd = f.line(tenant, run, inUsd.id());
        assertThat(usd.net()).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(usd.paid()).isEqualTo(Money.of("1083.40", "USD"));
        assertThat(usd.conversion().rateOn()).as("not the later rate").isEqualTo(lastDay);
        assertThat(usd.paidAs()).isEqualTo("1,000.00 EUR paid as 1,083.40 USD at 1.0834 (rate of " + lastDay + ")");

        PayoutLineView gbp = f.line(tenant, run, inGbp.id());
        assertThat(gbp.conversion().rate())
                .as("GBP→EUR 1.17 the other way round")
                .isEqualByComparingTo("0.8547008547");
        assertThat(gbp.paid()).isEqualTo(Money.of("2564.10", "GBP"));

        PayoutLineView inr = f.line(tenant, run, inInr.id());
        assertThat(inr.payable()).isFalse();
        assertThat(inr.conversion()).isNull();
        assertThat(inr.carriedReason()).startsWith("No EUR→INR exchange rate on or before " + lastDay);

        PayoutLineView eur = f.line(tenant, run, asEarned.id());
        assertThat(eur.conversion()).isNull();
        assertThat(eur.paid()).isEqualTo(Money.of("1500.00", "EUR"));

        // A rate changed for the month's last day after the lines were written: the lines keep theirs.
        enter("EUR", "USD", lastDay, "1.5");
        fixtures.as(finance, () -> runs.resume(run.id()));
        fixtures.as(finance, () -> runs.approve(run.id()));
        fixtures.as(colleague, () -> runs.approve(run.id()));
        fixtures.as(finance, () -> payments.export(run.id()));
        assertThat(f.line(tenant, run, inUsd.id()).paid()).isEqualTo(Money.of("1083.40", "USD"));

        assertThat(fixtures.as(finance, () -> files.offers(run.id())))
                .extracting(o -> o.currency() + " " + o.payments() + " " + o.total())
                .containsExactly("EUR 1 1500.00 EUR", "GBP 1 2564.10 GBP", "USD 1 1083.40 USD");
        String usdFile = new String(
                fixtures.as(finance, () -> files.file(run.id(), "bank", "USD")).content(), StandardCharsets.UTF_8);
        assertThat(usdFile).contains(",1083.40,USD," + usd.reference()).doesNotContain("1000.00");

        assertThat(pdfText(fixtures.as(finance, () -> statements.statement(run.id(), usd.id()))
                        .content()))
                .contains("Net EUR 1000.00")
                .contains("Paid in USD USD 1083.40")
                .contains("1,000.00 EUR paid as 1,083.40 USD at 1.0834 (rate of " + lastDay + ")");

        fixtures.as(finance, () -> payments.markPaid(run.id()));
        assertThat(ledgerCurrencies())
                .as("the ledger posts in the currency earned")
                .containsExactly("EUR");
        ReconciliationLine paidInUsd = reconciled(inUsd.id());
        assertThat(paidInUsd.paid()).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(paidInUsd.balance()).isEqualTo(Money.of("0", "EUR"));
        assertThat(reconciled(inInr.id()).balance()).as("still owed").isEqualTo(Money.of("1500.00", "EUR"));

        // Once a rate exists, the next run pays the partner that waited.
        enter("EUR", "INR", today, "90.5");
        PayoutRunView next = f.approvedRun(tenant);
        PayoutLineView paidInInr = f.line(tenant, next, inInr.id());
        assertThat(paidInInr.payable()).isTrue();
        assertThat(paidInInr.paid()).isEqualTo(Money.of("135750.00", "INR"));
        assertThat(paidInInr.conversion().rateOn()).isEqualTo(today);
        fixtures.as(finance, () -> payments.export(next.id()));
        fixtures.as(finance, () -> payments.markPaid(next.id()));
        assertThat(reconciled(inInr.id()).balance()).isEqualTo(Money.of("0", "EUR"));
        assertThat(ledgerCurrencies()).containsExactly("EUR");
    }

    private void enter(String base, String quote, LocalDate on, String rate) {
        fixtures.as(tenant.owner(), () -> rates.enter(base, quote, on.toString(), rate));
    }

    private PayoutLineView previewed(DealFixtures.Member partner) {
        return fixtures.as(finance, runs::preview).stream()
                .filter(l -> l.partner().equals(partner.id()))
                .findFirst()
                .orElseThrow();
    }

    private ReconciliationLine reconciled(PartnerId partner) {
        return fixtures.as(finance, reconciliation::report).stream()
                .filter(l -> l.partner().equals(partner))
                .findFirst()
                .orElseThrow();
    }

    private List<String> ledgerCurrencies() {
        return db.sql("select distinct currency from ledger_posting where workspace_id = ? order by currency")
                .param(tenant.id().value())
                .query(String.class)
                .list();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
