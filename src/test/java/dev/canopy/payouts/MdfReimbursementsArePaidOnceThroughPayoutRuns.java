package dev.canopy.payouts;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.comarketing.MdfFixtures;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.commissions.CommissionPlans;
import dev.canopy.commissions.internal.HoldExpiry;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.ledger.Ledger;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.internal.PayoutLineTable;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.Money;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reimbursements of market development funds another module owes partners are paid through payout runs on the
 * partner's own line: untaxed beside taxed commissions, counted with them towards the minimum, given back when the
 * line is carried, paid once, and out of PARTNER_PAYABLE as they went in.
 */
@CanopyTest
class MdfReimbursementsArePaidOnceThroughPayoutRuns {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient db;

    @Autowired
    PayoutRuns runs;

    @Autowired
    PayoutFiles files;

    @Autowired
    PayoutStatements statements;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    CommissionPlans plans;

    @Autowired
    Ledger ledger;

    @Autowired
    HoldExpiry holdExpiry;

    @Autowired
    PayoutLineTable lineTable;

    @Autowired
    MockMvc mvc;

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
    void aPartnerOwedOnlyAReimbursementIsPaidOnceAndNeverAgain() throws Exception {
        ProgramView program = f.referralProgramme(tenant, "USD");
        DealFixtures.Member mdfOnly = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(0));
        DealFixtures.Member seller = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(1));
        approve(program, mdfOnly, "250.00", "USD");

        PayoutLineView due = fixtures.as(tenant.owner(), runs::preview).getFirst();
        assertThat(due.partner()).isEqualTo(mdfOnly.id());
        assertThat(due.payable()).isTrue();
        assertThat(due.reimbursed()).isEqualTo(Money.of("250", "USD"));

        PayoutRunView first = f.paidRun(tenant);
        PayoutLineView line = f.line(tenant, first, mdfOnly.id());
        assertThat(line.commissions()).isZero();
        assertThat(line.gross()).isEqualTo(Money.of("0", "USD"));
        assertThat(line.reimbursements()).isEqualTo(1);
        assertThat(line.reimbursed()).isEqualTo(Money.of("250", "USD"));
        assertThat(line.net()).isEqualTo(Money.of("250", "USD"));
        assertThat(paid(mdfOnly.id())).isEqualTo(1);
        assertThat(lineTable.paidBetween(
                        tenant.id(), first.createdAt(), clock.instant().plusSeconds(1)))
                .as("no commission paid: nothing for the 1099 report")
                .isEmpty();

        assertThat(text(fixtures.as(tenant.owner(), () -> statements.statement(first.id(), line.id()))))
                .contains("Reimbursements (MDF), untaxed USD 250.00")
                .contains("Net paid USD 250.00");
        assertThat(new String(
                        fixtures.as(tenant.owner(), () -> files.file(first.id(), "bank", "USD"))
                                .content(),
                        StandardCharsets.UTF_8))
                .contains("250.00,USD," + line.reference());
        assertThat(page("/app/payouts/" + first.id()))
                .contains("data-testid=\"reimbursed\"")
                .contains("1 MDF claim");
        assertThat(mvc.perform(get("/portal/earnings").with(new DealFixtures(context).portal(mdfOnly)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Reimbursements (MDF)")
                .contains("250.00 USD");
        mvc.perform(get("/api/v1/payout-runs/" + first.id())
                        .header("Authorization", "Bearer " + fixtures.apiKey(tenant, ApiKeyScope.READ)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].reimbursements").value(1))
                .andExpect(jsonPath("$.lines[0].reimbursed.amount").value("250.00"))
                .andExpect(jsonPath("$.lines[0].net.amount").value("250.00"));

        f.approvedCommission(tenant, program, seller.id(), "2000", "USD");
        PayoutRunView second = f.paidRun(tenant);
        assertThat(fixtures.as(tenant.owner(), () -> runs.lines(second.id())))
                .extracting(PayoutLineView::partner)
                .containsExactly(seller.id());
        assertThat(paid(mdfOnly.id())).isEqualTo(1);
        ReconciliationLine rec = reconciled(mdfOnly.id());
        assertThat(rec.reimbursed()).isEqualTo(Money.of("250", "USD"));
        assertThat(rec.paid()).isEqualTo(Money.of("250", "USD"));
        assertThat(rec.balance().isZero()).isTrue();
        assertThat(ledger.balances(tenant.id(), mdfOnly.id()))
                .as("PARTNER_PAYABLE back to zero")
                .isEmpty();
    }

    /** The seed's Indian partner: 15 % of ₹12,00,000 is ₹1,80,000, GST 18 % and TDS 2 % on that alone. */
    @Test
    void aReimbursementBesideTaxedCommissionsIsNotTaxed() throws Exception {
        f.vendorGstin(tenant);
        ProgramView program = f.referralProgramme(tenant, "INR");
        DealFixtures.Member indian = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(0));
        f.gstRegistered(tenant, indian.id());
        f.approvedCommission(tenant, program, indian.id(), "1200000", "INR");
        approve(program, indian, "50000", "INR");

        PayoutRunView run = f.paidRun(tenant);
        PayoutLineView line = f.line(tenant, run, indian.id());
        assertThat(line.gross()).isEqualTo(Money.of("180000", "INR"));
        assertThat(line.gst()).isEqualTo(Money.of("32400", "INR"));
        assertThat(line.tds()).isEqualTo(Money.of("3600", "INR"));
        assertThat(line.reimbursed()).isEqualTo(Money.of("50000", "INR"));
        assertThat(line.net()).isEqualTo(Money.of("258800", "INR"));
        assertThat(line.taxNotes()).anyMatch(n -> n.startsWith("Reimbursements (MDF) repay documented expenses"));

        assertThat(text(fixtures.as(tenant.owner(), () -> statements.statement(run.id(), line.id()))))
                .contains("Gross commission INR 180000.00")
                .contains("Reimbursements (MDF), untaxed INR 50000.00")
                .contains("Net paid INR 258800.00");
        assertThat(text(fixtures.as(tenant.owner(), () -> statements.invoice(run.id(), line.id()))))
                .as("only the commission is a taxable supply")
                .contains("Taxable value INR 180000.00")
                .contains("Invoice total INR 212400.00")
                .doesNotContain("50000");
        ReconciliationLine rec = reconciled(indian.id());
        assertThat(rec.earned()).isEqualTo(Money.of("180000", "INR"));
        assertThat(rec.reimbursed()).isEqualTo(Money.of("50000", "INR"));
        assertThat(rec.paid()).isEqualTo(Money.of("230000", "INR"));
        assertThat(rec.taxWithheld()).isEqualTo(Money.of("3600", "INR"));
        assertThat(rec.gstAdded()).isEqualTo(Money.of("32400", "INR"));
        assertThat(ledger.balances(tenant.id(), indian.id())).isEmpty();
    }

    @Test
    void aCarriedLineGivesItsReimbursementsBackAndTheNextRunPaysThem() {
        ProgramView program = f.referralProgramme(tenant, "USD");
        fixtures.as(tenant.owner(), () -> {
            plans.setPayoutMinimum(program.id(), "100");
            return program;
        });
        DealFixtures.Member small = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(0));
        DealFixtures.Member seller = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(1));
        f.approvedCommission(tenant, program, small.id(), "400", "USD");
        approve(program, small, "30", "USD");
        f.approvedCommission(tenant, program, seller.id(), "2000", "USD");

        PayoutRunView first = f.paidRun(tenant);
        PayoutLineView carried = f.line(tenant, first, small.id());
        assertThat(carried.payable()).isFalse();
        assertThat(carried.carriedReason()).contains("payout minimum of 100.00 USD");
        assertThat(carried.gross()).isEqualTo(Money.of("60", "USD"));
        assertThat(carried.reimbursed()).isEqualTo(Money.of("30", "USD"));
        assertThat(paid(small.id())).isZero();

        clock.advance(Duration.ofDays(1));
        approve(program, small, "20", "USD");
        PayoutRunView second = f.paidRun(tenant);
        PayoutLineView paid = f.line(tenant, second, small.id());
        assertThat(paid.payable())
                .as("60 of commissions and 50 reimbursed pass the minimum of 100")
                .isTrue();
        assertThat(paid.gross()).isEqualTo(Money.of("60", "USD"));
        assertThat(paid.reimbursements()).isEqualTo(2);
        assertThat(paid.reimbursed()).isEqualTo(Money.of("50", "USD"));
        assertThat(paid.net()).isEqualTo(Money.of("110", "USD"));
        assertThat(paid(small.id())).isEqualTo(2);
        assertThat(reconciled(small.id()).paid()).isEqualTo(Money.of("110", "USD"));
        assertThat(ledger.balances(tenant.id(), small.id())).isEmpty();
    }

    /** A sale's 20 % was paid, then refunded: the clawback of 20.00 is netted from a reimbursement of 50.00. */
    @Test
    void aReimbursementPaysOffAClawbackBalanceAndIsPaidTheRest() {
        CommissionFixtures c = f.commissions();
        ProgramView program = c.referralProgram(tenant, "USD", 30);
        c.rule(tenant, program, CommissionFixtures.recurring("20"));
        DealFixtures.Member partner = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(0));
        UUID customer = UUID.randomUUID();
        UUID sale = c.sale(tenant, program, partner.id(), customer, "100.00", "USD", true);
        clock.advance(Duration.ofDays(31));
        holdExpiry.approveDue();
        f.paidRun(tenant);
        c.refund(tenant, program, partner.id(), customer, sale, "100.00", "USD");
        approve(program, partner, "50.00", "USD");

        PayoutLineView line = f.line(tenant, f.paidRun(tenant), partner.id());
        assertThat(line.payable()).isTrue();
        assertThat(line.gross()).isEqualTo(Money.of("-20.00", "USD"));
        assertThat(line.gst().isZero() && line.tds().isZero()).isTrue();
        assertThat(line.reimbursed()).isEqualTo(Money.of("50.00", "USD"));
        assertThat(line.net()).isEqualTo(Money.of("30.00", "USD"));
        ReconciliationLine rec = reconciled(partner.id());
        assertThat(rec.clawedBack()).isEqualTo(Money.of("20.00", "USD"));
        assertThat(rec.paid()).isEqualTo(Money.of("50.00", "USD"));
        assertThat(rec.balance().isZero()).isTrue();
    }

    private void approve(ProgramView program, DealFixtures.Member partner, String amount, String currency) {
        new MdfFixtures(context).approvedClaim(tenant, program, partner, amount, currency);
    }

    /** How many of the partner's MDF claims were paid. */
    private long paid(PartnerId partner) {
        return db.sql("select count(*) from comarketing_claim where partner_id = ? and status = 'PAID'")
                .param(partner.value())
                .query(Long.class)
                .single();
    }

    private ReconciliationLine reconciled(PartnerId partner) {
        ReconciliationLine line = fixtures.as(tenant.owner(), reconciliation::report).stream()
                .filter(l -> l.partner().equals(partner))
                .findFirst()
                .orElseThrow();
        assertThat(line.reconciles()).isTrue();
        return line;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn(tenant.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String text(PayoutDocument pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
