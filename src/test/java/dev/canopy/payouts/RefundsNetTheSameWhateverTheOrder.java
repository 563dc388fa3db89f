package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.CommissionView;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.commissions.internal.HoldExpiry;
import dev.canopy.commissions.internal.RefundSweep;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The orders of {@link RefundsNetTheSameInEveryOrder} worked by hand: a refund before its sale and its pricing,
 * refunds beyond the invoice, and a refund a crash left without its give-back, which the sweep gives back.
 */
@CanopyTest
class RefundsNetTheSameWhateverTheOrder {

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

    @Test
    void aRefundBeforeItsSaleAndBeforeItsPricingReducesTheCommission() {
        RefundedInvoice invoice = new RefundedInvoice(context);
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
        RefundedInvoice invoice = new RefundedInvoice(context);
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
        RefundedInvoice invoice = new RefundedInvoice(context);
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
}
