package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.CommissionKind;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.CommissionView;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.internal.HoldExpiry;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** 20 % of every payment; refunds give back the refunded share, before payout or after it. */
@CanopyTest
class RefundsReverseBeforePayoutAndClawBackAfter {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Commissions commissions;

    @Autowired
    PayoutRuns runs;

    @Autowired
    PayoutRunPayments payments;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    HoldExpiry holdExpiry;

    CommissionFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member partner;
    VendorUser finance;
    UUID customer = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.referralProgram(tenant, "USD", 30);
        f.rule(tenant, program, CommissionFixtures.recurring("20"));
        partner = new PayoutFixtures(context).bankPartner(tenant, program, PayoutFixtures.IBANS.getFirst());
        finance = fixtures.member(tenant, Role.FINANCE);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFullRefundBeforePayoutReversesTheCommission() {
        UUID sale = f.sale(tenant, program, partner.id(), customer, "100.00", "USD", true);
        f.refund(tenant, program, partner.id(), customer, sale, "100.00", "USD");

        List<CommissionView> all = list(null);
        assertThat(all).extracting(CommissionView::status).containsOnly(CommissionStatus.REVERSED);
        assertThat(all)
                .extracting(c -> c.amount().amount().toPlainString())
                .containsExactlyInAnyOrder("20.00", "-20.00");

        clock.advance(Duration.ofDays(31));
        holdExpiry.approveDue();
        assertThat(fixtures.as(finance, runs::preview)).isEmpty();
    }

    @Test
    void aPartialRefundBeforePayoutTravelsWithTheCommissionAndNets() {
        UUID sale = f.sale(tenant, program, partner.id(), customer, "100.00", "USD", true);
        f.refund(tenant, program, partner.id(), customer, sale, "25.00", "USD");
        clock.advance(Duration.ofDays(31));
        holdExpiry.approveDue();

        PayoutLineView line = payOut().getFirst();
        assertThat(line.gross()).isEqualTo(Money.of("15.00", "USD"));
        ReconciliationLine rec = fixtures.as(finance, reconciliation::report).getFirst();
        assertThat(rec.earned()).isEqualTo(Money.of("20.00", "USD"));
        assertThat(rec.reversed()).isEqualTo(Money.of("-5.00", "USD").negate());
        assertThat(rec.paid()).isEqualTo(Money.of("15.00", "USD"));
        assertThat(rec.balance().isZero()).isTrue();
        assertThat(rec.reconciles()).isTrue();
    }

    @Test
    void aRefundAfterPayoutIsClawedBackFromTheNextPayoutAndANegativeBalanceCarriesForward() {
        UUID sale = f.sale(tenant, program, partner.id(), customer, "100.00", "USD", true);
        clock.advance(Duration.ofDays(31));
        holdExpiry.approveDue();
        payOut();

        f.refund(tenant, program, partner.id(), customer, sale, "100.00", "USD");
        CommissionView clawback = list(CommissionStatus.APPROVED).getFirst();
        assertThat(clawback.kind()).isEqualTo(CommissionKind.CLAWBACK);
        assertThat(clawback.amount()).isEqualTo(Money.of("-20.00", "USD"));

        // A new 50.00 sale earns 10.00: the partner still owes 10.00, carried, nothing paid.
        f.sale(tenant, program, partner.id(), UUID.randomUUID(), "50.00", "USD", true);
        clock.advance(Duration.ofDays(31));
        holdExpiry.approveDue();
        List<PayoutLineView> preview = fixtures.as(finance, runs::preview);
        assertThat(preview).singleElement().satisfies(l -> {
            assertThat(l.payable()).isFalse();
            assertThat(l.gross()).isEqualTo(Money.of("-10.00", "USD"));
            assertThat(l.carriedReason()).contains("Clawbacks exceed earnings");
        });

        // Another 100.00 sale earns 20.00: the next payout nets the clawback and pays 10.00.
        f.sale(tenant, program, partner.id(), UUID.randomUUID(), "100.00", "USD", true);
        clock.advance(Duration.ofDays(31));
        holdExpiry.approveDue();
        assertThat(payOut().getFirst().net()).isEqualTo(Money.of("10.00", "USD"));

        ReconciliationLine rec = fixtures.as(finance, reconciliation::report).getFirst();
        assertThat(rec.earned()).isEqualTo(Money.of("50.00", "USD"));
        assertThat(rec.clawedBack()).isEqualTo(Money.of("20.00", "USD"));
        assertThat(rec.paid()).isEqualTo(Money.of("30.00", "USD"));
        assertThat(rec.balance().isZero()).isTrue();
    }

    @Test
    void aReplayedRefundOrSaleGivesBackAndPaysNothingMore() {
        UUID sale = f.sale(tenant, program, partner.id(), customer, "100.00", "USD", true);
        UUID refund = f.refund(tenant, program, partner.id(), customer, sale, "50.00", "USD");
        f.conversion(tenant, replayOf(sale, refund));
        assertThat(list(null)).hasSize(2);
    }

    private dev.canopy.tracking.ConversionAttributed replayOf(UUID sale, UUID refund) {
        return new dev.canopy.tracking.ConversionAttributed(
                tenant.id(),
                new dev.canopy.tracking.ConversionId(refund),
                dev.canopy.tracking.ConversionKind.REFUND,
                partner.id(),
                program.id(),
                new dev.canopy.tracking.CustomerId(customer),
                "buyer@customer.example",
                null,
                "customer.example",
                "IN",
                Money.of("50.00", "USD"),
                false,
                false,
                "cloud suite",
                "in_" + sale,
                new dev.canopy.tracking.ConversionId(sale),
                dev.canopy.tracking.AttributionSignal.CLICK,
                null,
                null,
                clock.instant());
    }

    private List<PayoutLineView> payOut() {
        PayoutRunView run = fixtures.as(finance, runs::start);
        fixtures.as(finance, () -> runs.approve(run.id()));
        fixtures.as(finance, () -> payments.export(run.id()));
        fixtures.as(finance, () -> payments.markPaid(run.id()));
        return fixtures.as(finance, () -> runs.lines(run.id()));
    }

    private List<CommissionView> list(CommissionStatus status) {
        return fixtures.as(tenant.owner(), () -> commissions.list(new CommissionFilter(status, null, null, null)))
                .items();
    }
}
