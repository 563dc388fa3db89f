package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.CommissionView;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.internal.HoldExpiry;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.payouts.internal.ProfileTable;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The seed's numbers: a referral fee of 15 % of a first-year contract of ₹12,00,000 is ₹1,80,000; the
 * partner is GST-registered and past the ₹20,000 TDS threshold, so the payout adds GST at 18 %
 * (₹32,400) and withholds TDS at 2 % (₹3,600): ₹2,08,800 paid.
 */
@CanopyTest
class ReferralPartnerIsPaidItsFeeLessTdsPlusGst {

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

    @Autowired
    ProfileTable profiles;

    CommissionFixtures f;
    Fixtures.Tenant tenant;
    ProgramView program;
    DealFixtures.Member partner;

    @BeforeEach
    void setUp() {
        f = new CommissionFixtures(context);
        tenant = fixtures.newWorkspace();
        program = f.referralProgram(tenant, "INR", 30);
        f.rule(tenant, program, CommissionFixtures.referralFee("15"));
        partner = f.member(tenant, program);
        new PayoutFixtures(context).vendorGstin(tenant);
        profiles.saveTax(
                tenant.id(),
                new TaxProfile(
                        partner.id(),
                        "IN",
                        "Bluebird Consulting LLP",
                        "Bengaluru",
                        "AAPFU0939F",
                        "29AAPFU0939F1ZR",
                        null,
                        null,
                        clock.instant(),
                        "test"));
        // Exporting needs to know where the partner is paid.
        profiles.savePayout(
                tenant.id(),
                new PayoutProfile(
                        partner.id(),
                        "BANK",
                        "Bluebird Consulting LLP",
                        null,
                        null,
                        null,
                        "50100012345678",
                        "HDFC0000123",
                        "IN",
                        null,
                        clock.instant(),
                        "test"),
                "bank:50100012345678@hdfc0000123");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFeeIsPendingForTheHoldThenPaidOnceWithTaxes() {
        f.dealWon(tenant, program, partner.id(), "1200000", "INR");

        CommissionView fee = only(CommissionStatus.PENDING);
        assertThat(fee.amount()).isEqualTo(Money.of("180000.00", "INR"));
        assertThat(fee.explanation()).contains("15 % of 1200000.00 INR = 180000.00 INR");

        holdExpiry.approveDue();
        assertThat(only(CommissionStatus.PENDING).id()).as("still in its hold").isEqualTo(fee.id());

        clock.advance(Duration.ofDays(31));
        holdExpiry.approveDue();
        assertThat(only(CommissionStatus.APPROVED).id()).isEqualTo(fee.id());

        VendorUser first = fixtures.member(tenant, Role.FINANCE);
        VendorUser second = fixtures.member(tenant, Role.FINANCE);
        PayoutRunView run = fixtures.as(first, runs::start);
        PayoutLineView line = fixtures.as(first, () -> runs.lines(run.id())).getFirst();
        assertThat(line.gross()).isEqualTo(Money.of("180000", "INR"));
        assertThat(line.gst()).isEqualTo(Money.of("32400", "INR"));
        assertThat(line.tds()).isEqualTo(Money.of("3600", "INR"));
        assertThat(line.net()).isEqualTo(Money.of("208800", "INR"));

        assertThat(run.needsSecondApproval()).isTrue();
        assertThatThrownBy(() -> fixtures.as(first, () -> runs.approve(run.id())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("someone other than");
        fixtures.as(second, () -> runs.approve(run.id()));
        fixtures.as(second, () -> payments.export(run.id()));
        fixtures.as(second, () -> payments.markPaid(run.id()));
        assertThat(only(CommissionStatus.PAID).id()).isEqualTo(fee.id());

        ReconciliationLine rec = fixtures.as(first, reconciliation::report).getFirst();
        assertThat(rec.earned()).isEqualTo(Money.of("180000", "INR"));
        assertThat(rec.paid()).isEqualTo(Money.of("180000", "INR"));
        assertThat(rec.taxWithheld()).isEqualTo(Money.of("3600", "INR"));
        assertThat(rec.gstAdded()).isEqualTo(Money.of("32400", "INR"));
        assertThat(rec.balance()).isEqualTo(Money.of("0", "INR"));
        assertThat(rec.reconciles()).isTrue();
    }

    private CommissionView only(CommissionStatus status) {
        List<CommissionView> found = fixtures.as(
                        tenant.owner(), () -> commissions.list(new CommissionFilter(status, null, null, null)))
                .items();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
