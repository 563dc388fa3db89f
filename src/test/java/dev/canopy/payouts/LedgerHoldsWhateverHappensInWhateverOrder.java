package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.internal.HoldExpiry;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.ledger.Balance;
import dev.canopy.ledger.Ledger;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random sequences of sales, refunds (full, partial, repeated), replays, hold expiries, payout runs and
 * clock moves, each from a seed the failure message names. Whatever the order: the ledger balances
 * (checked after every test by the invariant extension), nothing is paid twice (no commission in two
 * runs, no line paid twice, never more paid than earned), and every partner's balance equals the sum
 * of its postings and the reconciliation's figures.
 */
@CanopyTest
class LedgerHoldsWhateverHappensInWhateverOrder {

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
    Reconciliation reconciliation;

    @Autowired
    HoldExpiry holdExpiry;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Sale(UUID id, DealFixtures.Member partner, UUID customer, BigDecimal amount) {}

    @RepeatedTest(12)
    void anySequence(RepetitionInfo repetition) {
        long seed = 7919L * repetition.getCurrentRepetition() + System.nanoTime() % 1000;
        Random random = new Random(seed);
        String why = "seed " + seed;
        CommissionFixtures f = new CommissionFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.referralProgram(tenant, "USD", 30);
        f.rule(tenant, program, CommissionFixtures.recurring(String.valueOf(5 + random.nextInt(25))));
        PayoutFixtures payouts = new PayoutFixtures(context);
        List<DealFixtures.Member> partners = List.of(
                payouts.bankPartner(tenant, program, PayoutFixtures.IBANS.get(0)),
                payouts.bankPartner(tenant, program, PayoutFixtures.IBANS.get(1)));
        VendorUser finance = fixtures.member(tenant, Role.FINANCE);
        List<Sale> sales = new ArrayList<>();

        for (int step = 0; step < 40; step++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    DealFixtures.Member p = partners.get(random.nextInt(2));
                    UUID customer = UUID.randomUUID();
                    BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(50_000), 2);
                    UUID id = f.sale(tenant, program, p.id(), customer, amount.toPlainString(), "USD", true);
                    sales.add(new Sale(id, p, customer, amount));
                }
                case 2 -> {
                    if (!sales.isEmpty()) {
                        Sale s = sales.get(random.nextInt(sales.size()));
                        BigDecimal refund = random.nextBoolean()
                                ? s.amount()
                                : s.amount()
                                        .multiply(BigDecimal.valueOf(random.nextInt(100) + 1))
                                        .movePointLeft(2)
                                        .setScale(2, java.math.RoundingMode.DOWN)
                                        .max(new BigDecimal("0.01"));
                        f.refund(
                                tenant, program, s.partner().id(), s.customer(), s.id(), refund.toPlainString(), "USD");
                    }
                }
                case 3 -> clock.advance(Duration.ofDays(random.nextInt(40)));
                case 4 -> holdExpiry.approveDue();
                default -> payOut(finance, random);
            }
        }
        clock.advance(Duration.ofDays(40));
        holdExpiry.approveDue();
        payOut(finance, random);

        assertThat(db.sql("""
                        select count(*) from (select payout_run_id from commissions_commission
                        where workspace_id = ? and status = 'PAID' group by id, payout_run_id) t
                        """).param(tenant.id().value()).query(Long.class).single())
                .as(why)
                .isEqualTo(
                        db.sql("select count(*) from commissions_commission where workspace_id = ? and status = 'PAID'")
                                .param(tenant.id().value())
                                .query(Long.class)
                                .single());
        assertThat(db.sql("""
                        select count(*) from ledger_transaction where workspace_id = ? and kind = 'payout'
                        group by key having count(*) > 1
                        """).param(tenant.id().value()).query(Long.class).list())
                .as(why + ": a payout line posted twice")
                .isEmpty();
        for (ReconciliationLine line : fixtures.as(finance, reconciliation::report)) {
            assertThat(line.reconciles()).as(why + ": " + line).isTrue();
            assertThat(line.paid().compareTo(line.earned()))
                    .as(why + ": paid more than earned")
                    .isLessThanOrEqualTo(0);
            Money payable = ledger.balances(tenant.id(), line.partner()).stream()
                    .map(Balance::amount)
                    .filter(m -> m.currencyCode().equals(line.currency()))
                    .reduce(Money.zero(java.util.Currency.getInstance(line.currency())), Money::plus);
            assertThat(line.balance())
                    .as(why + ": balance is the sum of postings")
                    .isEqualTo(payable.negate());
            BigDecimal approvedUnpaid = db.sql("""
                            select coalesce(sum(amount), 0) from commissions_commission
                            where workspace_id = ? and partner_id = ? and currency = ?
                              and (status = 'APPROVED' or (status = 'IN_PAYOUT'))
                            """)
                    .params(tenant.id().value(), line.partner().value(), line.currency())
                    .query(BigDecimal.class)
                    .single();
            assertThat(line.balance().amount())
                    .as(why + ": balance is what is approved and unpaid")
                    .isEqualByComparingTo(approvedUnpaid);
        }
    }

    private void payOut(VendorUser finance, Random random) {
        if (fixtures.as(finance, runs::preview).stream().noneMatch(PayoutLineView::payable)) {
            // Nothing to pay: starting a run is refused and nothing is left open.
            assertThatThrownBy(() -> fixtures.as(finance, runs::start)).hasMessageStartingWith("Nothing to pay");
            return;
        }
        PayoutRunView run = fixtures.as(finance, runs::start);
        fixtures.as(finance, () -> runs.approve(run.id()));
        fixtures.as(finance, () -> payments.export(run.id()));
        if (random.nextInt(4) > 0) {
            fixtures.as(finance, () -> payments.export(run.id()));
        }
        fixtures.as(finance, () -> payments.markPaid(run.id()));
    }
}
