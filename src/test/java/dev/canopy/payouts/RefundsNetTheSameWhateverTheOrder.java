package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.CommissionView;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.commissions.internal.HoldExpiry;
import dev.canopy.commissions.internal.RefundSweep;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One invoice in EUR, paid 10 % in a USD programme: its sale, its refunds (partial, full, beyond the invoice,
 * one in another currency), its pricing (the EUR→USD rate arriving) and a payout happen in a random order,
 * each from a seed the failure names. Whatever the order, the partner's commissions on the invoice come to
 * the rule applied to what is left of the invoice (never below zero), the refund in another currency
 * changes nothing, and the ledger balances (checked after every test) and reconciles with what was paid.
 */
@CanopyTest
class RefundsNetTheSameWhateverTheOrder {

    private static final BigDecimal RATE = new BigDecimal("1.0834");

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
    PayoutRuns runs;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    HoldExpiry holdExpiry;

    @Autowired
    RefundSweep sweep;

    @Autowired
    JdbcClient db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @RepeatedTest(10)
    void theCommissionIsTheRuleOnWhatIsLeftOfTheInvoice(RepetitionInfo repetition) {
        long seed = 6007L * repetition.getCurrentRepetition() + clock.instant().getNano() % 1000;
        Random random = new Random(seed);
        BigDecimal sale = cents(random, 10_000, 500_000);
        List<BigDecimal> refunds = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            refunds.add(
                    switch (random.nextInt(4)) {
                        case 0 -> sale;
                        case 1 -> sale.add(cents(random, 1, 100_000));
                        default -> cents(random, 1, sale.movePointRight(2).intValueExact());
                    });
        }
        List<String> steps = new ArrayList<>(List.of("sale", "pricing", "payout", "refund in GBP"));
        for (int i = 0; i < count; i++) {
            steps.add("refund " + i);
        }
        Collections.shuffle(steps, random);

        Invoice invoice = new Invoice();
        for (String step : steps) {
            invoice.happen(step, sale, refunds);
        }
        invoice.happen("pricing", sale, refunds);
        invoice.happen("payout", sale, refunds);

        BigDecimal net = sale.subtract(refunds.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .max(BigDecimal.ZERO);
        Money expected = Money.of(
                net.multiply(RATE).multiply(BigDecimal.TEN).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP),
                "USD");
        String why = "seed %d: %s EUR, refunds %s, in the order %s".formatted(seed, sale, refunds, steps);
        assertThat(invoice.net()).as(why).isEqualTo(expected);
        List<ReconciliationLine> ledger = fixtures.as(invoice.finance, reconciliation::report);
        assertThat(ledger).as(why).allMatch(ReconciliationLine::reconciles);
        assertThat(ledger.stream()
                        .map(l -> l.earned().minus(l.reversed()).minus(l.clawedBack()))
                        .reduce(Money.of("0", "USD"), Money::plus))
                .as("what the ledger holds: %s", why)
                .isEqualTo(expected);
    }

    @Test
    void aRefundBeforeItsSaleAndBeforeItsPricingReducesTheCommission() {
        Invoice invoice = new Invoice();
        List<BigDecimal> refunds = List.of(new BigDecimal("400.00"));
        BigDecimal sale = new BigDecimal("1000.00");
        invoice.happen("refund 0", sale, refunds);
        invoice.happen("sale", sale, refunds);
        assertThat(invoice.commissions()).as("waiting for the EUR→USD rate").isEmpty();
        invoice.happen("pricing", sale, refunds);

        // 10 % of 1,000.00 EUR at 1.0834 = 108.34 USD, less 10 % of the 400.00 refunded = 43.34: 65.00.
        assertThat(invoice.commissions())
                .extracting(c -> c.amount().amount().toPlainString())
                .containsExactlyInAnyOrder("108.34", "-43.34");
        assertThat(invoice.net()).isEqualTo(Money.of("65.00", "USD"));
    }

    @Test
    void aRefundBeyondTheInvoiceGivesBackWhatWasLeftAndSaysSo() {
        Invoice invoice = new Invoice();
        List<BigDecimal> refunds = List.of(new BigDecimal("1800.00"), new BigDecimal("6000.00"));
        BigDecimal sale = new BigDecimal("6000.00");
        invoice.happen("pricing", sale, refunds);
        invoice.happen("sale", sale, refunds);
        invoice.happen("refund 0", sale, refunds);
        invoice.happen("refund 1", sale, refunds);

        assertThat(invoice.net()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(invoice.commissions())
                .extracting(CommissionView::explanation)
                .anySatisfy(e -> assertThat(e).contains("10 % of -4200.00 EUR"));
    }

    @Test
    void aRefundLeftWaitingIsGivenBackByTheSweep() {
        Invoice invoice = new Invoice();
        List<BigDecimal> refunds = List.of(new BigDecimal("400.00"));
        BigDecimal sale = new BigDecimal("1000.00");
        invoice.happen("pricing", sale, refunds);
        invoice.happen("sale", sale, refunds);
        // As a crash between the refund's arrival and its give-back would leave it: the source, no give-back.
        db.sql("""
                        insert into commissions_source (id, workspace_id, kind, partner_id, program_id, amount, currency,
                            reverses, description, occurred_at, received_at, quantity)
                        select gen_random_uuid(), workspace_id, 'REFUND', partner_id, program_id, 400.00, 'EUR', id,
                            'Refund', occurred_at, occurred_at, 1
                        from commissions_source where id = ?
                        """).param(invoice.sale).update();
        assertThat(invoice.net()).isEqualTo(Money.of("108.34", "USD"));

        sweep.sweep();

        assertThat(invoice.net()).isEqualTo(Money.of("65.00", "USD"));
    }

    /** The invoice's world: a workspace, a partner, and what has happened to the invoice so far. */
    class Invoice {
        final CommissionFixtures f = new CommissionFixtures(context);
        final Fixtures.Tenant tenant = fixtures.newWorkspace();
        final ProgramView program = f.referralProgram(tenant, "USD", 0);
        final DealFixtures.Member partner;
        final VendorUser finance = fixtures.member(tenant, Role.FINANCE);
        final UUID customer = UUID.randomUUID();
        final UUID sale = UUID.randomUUID();
        final LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean priced;

        Invoice() {
            f.rule(tenant, program, CommissionFixtures.recurring("10"));
            partner = new PayoutFixtures(context).bankPartner(tenant, program, PayoutFixtures.IBANS.get(1));
        }

        void happen(String step, BigDecimal saleAmount, List<BigDecimal> refunds) {
            clock.advance(Duration.ofMinutes(5));
            switch (step) {
                case "sale" -> f.sale(tenant, program, partner.id(), customer, sale, plain(saleAmount), "EUR", true);
                case "pricing" -> {
                    if (!priced) {
                        fixtures.as(
                                tenant.owner(),
                                () -> rates.enter("EUR", "USD", day.minusDays(1).toString(), RATE.toPlainString()));
                        priced = true;
                    }
                }
                case "payout" -> {
                    holdExpiry.approveDue();
                    if (!fixtures.as(finance, runs::preview).stream()
                            .filter(PayoutLineView::payable)
                            .toList()
                            .isEmpty()) {
                        PayoutRunView run = fixtures.as(finance, runs::start);
                        fixtures.as(finance, () -> runs.approve(run.id()));
                        fixtures.as(finance, () -> runs.export(run.id()));
                        fixtures.as(finance, () -> runs.markPaid(run.id()));
                    }
                }
                case "refund in GBP" -> f.refund(tenant, program, partner.id(), customer, sale, "50.00", "GBP");
                default -> {
                    int i = Integer.parseInt(step.substring("refund ".length()));
                    f.refund(tenant, program, partner.id(), customer, sale, plain(refunds.get(i)), "EUR");
                }
            }
        }

        List<CommissionView> commissions() {
            return fixtures.as(tenant.owner(), () -> commissions.list(new CommissionFilter(null, null, null, null)))
                    .items();
        }

        Money net() {
            return commissions().stream().map(CommissionView::amount).reduce(Money.of("0", "USD"), Money::plus);
        }
    }

    private static BigDecimal cents(Random random, int from, int to) {
        return BigDecimal.valueOf(from + random.nextInt(Math.max(1, to - from)), 2);
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
