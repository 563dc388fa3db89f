package dev.canopy.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.deals.DealFixtures;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * India's withholding as the law has it, whatever the payout currency: an Indian vendor's partner resident in
 * India without a PAN has TDS withheld at 20 % (s.206AA) or is held, as the workspace chose; a GST-registered
 * Indian partner earning USD gets GST and TDS, the threshold tested in rupees at the run's rate; a vendor
 * elsewhere is told that no rule is known; and TDS counts in the financial year the commission was credited
 * (approved) in, not the year of the run that pays it. Commissions are 10 % of the deal.
 */
@CanopyTest
class IndianWithholdingFollowsResidencyAndTheYearOfCredit {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    PayoutRuns runs;

    @Autowired
    PayoutDetails details;

    @Autowired
    ExchangeRates rates;

    PayoutFixtures f;
    Fixtures.Tenant tenant;

    @BeforeEach
    void setUp() {
        f = new PayoutFixtures(context);
        tenant = fixtures.newWorkspace();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anIndianPartnerWithoutAPanHasTdsWithheldAtTwentyPercent() {
        f.vendorResidence(tenant, "IN", false);
        ProgramView program = programme("INR");
        DealFixtures.Member partner = f.indianBankPartner(tenant, program, "50100099990001");
        f.approvedCommission(tenant, program, partner.id(), "235000", "INR");

        PayoutLineView line = payOnce(partner.id());

        // 20 % of ₹23,500 = ₹4,700 (s.206AA), not 2 %: no PAN was given.
        assertThat(line.gross()).isEqualTo(Money.of("23500", "INR"));
        assertThat(line.tds()).isEqualTo(Money.of("4700", "INR"));
        assertThat(line.gst()).isEqualTo(Money.of("0", "INR"));
        assertThat(line.net()).isEqualTo(Money.of("18800", "INR"));
        assertThat(line.taxNotes())
                .anySatisfy(n -> assertThat(n).contains("20 %").contains("s.206AA"));
    }

    @Test
    void aWorkspaceThatHoldsPaysNothingUntilThePanIsGivenThenTwoPercent() {
        f.vendorResidence(tenant, "IN", true);
        ProgramView program = programme("INR");
        DealFixtures.Member partner = f.indianBankPartner(tenant, program, "50100099990002");
        f.approvedCommission(tenant, program, partner.id(), "235000", "INR");

        PayoutLineView preview = fixtures.as(tenant.owner(), runs::preview).getFirst();
        assertThat(preview.payable()).isFalse();
        assertThat(preview.carriedReason())
                .contains("Held until the partner gives its PAN")
                .contains("s.206AA");
        assertThatThrownBy(() -> fixtures.as(tenant.owner(), runs::start))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Nothing to pay")
                .hasMessageContaining("PAN");

        fixtures.as(
                tenant.owner(),
                () -> details.saveTax(
                        partner.id(),
                        new PayoutDetails.TaxInput("IN", "Payee LLP", "Pune", "AAPFU0939F", null, null, null)));
        PayoutLineView line = payOnce(partner.id());
        // 2 % of ₹23,500 = ₹470 with the PAN on file.
        assertThat(line.tds()).isEqualTo(Money.of("470", "INR"));
        assertThat(line.net()).isEqualTo(Money.of("23030", "INR"));
    }

    @Test
    void aGstRegisteredIndianPartnerEarningDollarsGetsGstAndTdsTestedInRupees() {
        f.vendorGstin(tenant);
        fixtures.as(tenant.owner(), () -> rates.enter("USD", "INR", "2026-01-01", "88.00"));
        ProgramView program = programme("USD");
        DealFixtures.Member partner = f.indianBankPartner(tenant, program, "50100099990003");
        f.gstRegistered(tenant, partner.id());
        f.approvedCommission(tenant, program, partner.id(), "3000", "USD");

        PayoutLineView line = payOnce(partner.id());

        // USD 300 is ₹26,400 at 88: past ₹20,000, so TDS is 2 % of ₹26,400 = ₹528 = USD 6.00; GST 18 % = USD 54.
        assertThat(line.gross()).isEqualTo(Money.of("300", "USD"));
        assertThat(line.gst()).isEqualTo(Money.of("54", "USD"));
        assertThat(line.tds()).isEqualTo(Money.of("6", "USD"));
        assertThat(line.net()).isEqualTo(Money.of("348", "USD"));
        assertThat(line.taxNotes())
                .anySatisfy(n -> assertThat(n).contains("194H").contains("26400.00 INR"))
                .anySatisfy(n -> assertThat(n).contains("88 INR per USD"));
    }

    @Test
    void dollarsUnderTheRupeeThresholdWithholdNothingAndNoRateHoldsTheLine() {
        f.vendorGstin(tenant);
        ProgramView program = programme("USD");
        DealFixtures.Member partner = f.indianBankPartner(tenant, program, "50100099990004");
        f.gstRegistered(tenant, partner.id());
        f.approvedCommission(tenant, program, partner.id(), "2000", "USD");

        PayoutLineView withoutRate = fixtures.as(tenant.owner(), runs::preview).getFirst();
        assertThat(withoutRate.payable()).isFalse();
        assertThat(withoutRate.carriedReason())
                .contains("No USD→INR exchange rate")
                .contains("rupees");

        fixtures.as(tenant.owner(), () -> rates.enter("USD", "INR", "2026-01-01", "88.00"));
        PayoutLineView line = payOnce(partner.id());
        // USD 200 is ₹17,600: within ₹20,000, no TDS; GST 18 % = USD 36.
        assertThat(line.tds()).isEqualTo(Money.of("0", "USD"));
        assertThat(line.gst()).isEqualTo(Money.of("36", "USD"));
        assertThat(line.taxNotes())
                .anySatisfy(n -> assertThat(n).contains("No TDS").contains("17600.00 INR"));
    }

    @Test
    void aVendorOutsideIndiaIsToldNoRuleIsKnownAndAnUnsetResidenceIsNamed() {
        ProgramView program = programme("INR");
        DealFixtures.Member partner = f.indianBankPartner(tenant, program, "50100099990005");
        f.approvedCommission(tenant, program, partner.id(), "235000", "INR");

        PayoutLineView unset = fixtures.as(tenant.owner(), runs::preview).getFirst();
        assertThat(unset.tds()).isEqualTo(Money.of("0", "INR"));
        assertThat(unset.taxNotes())
                .containsExactly(
                        "Your tax residence is not set (Payout settings): withholding for a partner in IN is not worked out,"
                                + " paid gross");

        f.vendorResidence(tenant, "DE", false);
        PayoutLineView line = payOnce(partner.id());
        assertThat(line.tds()).isEqualTo(Money.of("0", "INR"));
        assertThat(line.net()).isEqualTo(Money.of("23500", "INR"));
        assertThat(line.taxNotes())
                .containsExactly("No withholding rule known for a payer in DE and a partner in IN: paid gross");
    }

    @Test
    void aCommissionCreditedOn28MarchCountsInTheYearEndingThatMarchThoughPaidInApril() {
        f.vendorResidence(tenant, "IN", false);
        ProgramView program = programme("INR");
        DealFixtures.Member partner = f.indianBankPartner(tenant, program, "50100099990006");
        fixtures.as(
                tenant.owner(),
                () -> details.saveTax(
                        partner.id(),
                        new PayoutDetails.TaxInput("IN", "Payee LLP", "Pune", "AAPFU0939F", null, null, null)));

        clock.setTo(Instant.parse("2027-02-10T06:00:00Z"));
        f.approvedCommission(tenant, program, partner.id(), "150000", "INR");
        PayoutLineView february = payOnce(partner.id());
        assertThat(february.tds()).as("₹15,000 is within the threshold").isEqualTo(Money.of("0", "INR"));

        clock.setTo(Instant.parse("2027-03-28T06:00:00Z"));
        f.approvedCommission(tenant, program, partner.id(), "100000", "INR");
        clock.setTo(Instant.parse("2027-04-05T06:00:00Z"));
        PayoutLineView april = payOnce(partner.id());

        // Credited in FY 2026-27: ₹15,000 + ₹10,000 = ₹25,000 passes ₹20,000, so 2 % of ₹25,000 = ₹500 is
        // withheld now. Counted in the run's year (FY 2027-28), ₹10,000 alone would have withheld nothing.
        assertThat(april.tds()).isEqualTo(Money.of("500", "INR"));
        assertThat(april.net()).isEqualTo(Money.of("9500", "INR"));
        assertThat(april.taxNotes())
                .anySatisfy(n -> assertThat(n).contains("FY 2026-27").contains("25000.00 INR"));
    }

    @Test
    void theYearTurnsAtMidnightInIndiaAndOneLineSplitsAcrossIt() {
        f.vendorResidence(tenant, "IN", false);
        ProgramView program = programme("INR");
        DealFixtures.Member partner = f.indianBankPartner(tenant, program, "50100099990007");
        fixtures.as(
                tenant.owner(),
                () -> details.saveTax(
                        partner.id(),
                        new PayoutDetails.TaxInput("IN", "Payee LLP", "Pune", "AAPFU0939F", null, null, null)));

        // 23:59 on 31 March in India (18:29 UTC): FY 2026-27. 00:01 on 1 April (18:31 UTC): FY 2027-28.
        clock.setTo(Instant.parse("2027-03-31T18:29:00Z"));
        f.approvedCommission(tenant, program, partner.id(), "150000", "INR");
        clock.setTo(Instant.parse("2027-03-31T18:31:00Z"));
        f.approvedCommission(tenant, program, partner.id(), "150000", "INR");
        clock.setTo(Instant.parse("2027-04-05T06:00:00Z"));
        PayoutLineView line = payOnce(partner.id());

        // ₹30,000 in one line, but ₹15,000 in each year: neither passes ₹20,000.
        assertThat(line.gross()).isEqualTo(Money.of("30000", "INR"));
        assertThat(line.tds()).isEqualTo(Money.of("0", "INR"));
        assertThat(line.taxNotes())
                .anySatisfy(n -> assertThat(n).contains("FY 2026-27").contains("15000.00 INR"))
                .anySatisfy(n -> assertThat(n).contains("FY 2027-28").contains("15000.00 INR"));
    }

    private ProgramView programme(String currency) {
        CommissionFixtures c = f.commissions();
        ProgramView program = c.referralProgram(tenant, currency, 30);
        c.rule(tenant, program, CommissionFixtures.referralFee("10"));
        return program;
    }

    private PayoutLineView payOnce(PartnerId partner) {
        PayoutRunView run = f.paidRun(tenant);
        return f.line(tenant, run, partner);
    }
}
