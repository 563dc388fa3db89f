package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.ledger.Ledger;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * One invoice in EUR, paid 10 % in a USD programme: its sale, its refunds (partial, full, beyond the invoice),
 * one refund in GBP, its pricing (the EUR→USD rate arriving) and a payout happen in any order jqwik draws.
 * Whatever the order, the partner's commissions on the invoice come to the rule applied to what is left of the
 * invoice (never below zero), the refund in another currency changes nothing, the ledger balances and the
 * reconciliation agrees with it. The application context is the one every {@code @CanopyTest} shares.
 */
@CanopyTest
class RefundsNetTheSameInEveryOrder {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    Ledger ledger;

    @BeforeProperty
    void injectTheSharedContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
    }

    @AfterProperty
    void resetClock() {
        clock.reset();
    }

    record Story(BigDecimal sale, List<BigDecimal> refunds, List<String> steps) {}

    @Property(tries = 40)
    void theCommissionIsTheRuleOnWhatIsLeftOfTheInvoice(@ForAll("stories") Story story) {
        RefundedInvoice invoice = new RefundedInvoice(context);
        for (String step : story.steps()) {
            invoice.happen(step, story.sale(), story.refunds());
        }
        // Whatever was still waiting for its rate or its run happens last.
        invoice.happen("pricing", story.sale(), story.refunds());
        invoice.happen("payout", story.sale(), story.refunds());

        BigDecimal left = story.sale()
                .subtract(story.refunds().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .max(BigDecimal.ZERO);
        Money expected =
                Money.of(left.multiply(RefundedInvoice.RATE).movePointLeft(1).setScale(2, RoundingMode.HALF_UP), "USD");
        assertThat(invoice.net()).isEqualTo(expected);
        List<ReconciliationLine> lines = fixtures.as(invoice.finance, reconciliation::report);
        assertThat(lines).allMatch(ReconciliationLine::reconciles);
        assertThat(lines.stream()
                        .map(l -> l.earned().minus(l.reversed()).minus(l.clawedBack()))
                        .reduce(Money.of("0", "USD"), Money::plus))
                .as("what the ledger holds")
                .isEqualTo(expected);
        assertThat(ledger.check(invoice.tenant.id()))
                .as("unbalanced transactions")
                .isEmpty();
    }

    /** A sale of 100.00 to 5,000.00 EUR, one to three refunds (part, all, beyond it) and every step shuffled. */
    @Provide
    Arbitrary<Story> stories() {
        Arbitrary<BigDecimal> sale =
                Arbitraries.integers().between(10_000, 500_000).map(cents -> BigDecimal.valueOf(cents, 2));
        return sale.flatMap(amount -> {
            Arbitrary<BigDecimal> refund = Arbitraries.oneOf(
                    Arbitraries.just(amount),
                    Arbitraries.integers().between(1, 100_000).map(cents -> amount.add(BigDecimal.valueOf(cents, 2))),
                    Arbitraries.integers()
                            .between(1, amount.movePointRight(2).intValueExact() - 1)
                            .map(cents -> BigDecimal.valueOf(cents, 2)));
            return refund.list().ofMinSize(1).ofMaxSize(3).flatMap(refunds -> {
                List<String> steps = new ArrayList<>(List.of("sale", "pricing", "payout", "refund in GBP"));
                for (int i = 0; i < refunds.size(); i++) {
                    steps.add("refund " + i);
                }
                return Combinators.combine(
                                Arbitraries.just(amount), Arbitraries.just(refunds), Arbitraries.shuffle(steps))
                        .as(Story::new);
            });
        });
    }
}
