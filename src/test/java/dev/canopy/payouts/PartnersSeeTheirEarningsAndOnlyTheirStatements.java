package dev.canopy.payouts;

import static dev.canopy.payouts.FinanceRunsAPayoutFromTheConsole.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In the portal a partner sees what it earned (pending, approved, paid), each commission explained, and the
 * statements of its payouts, with the GST invoice where one was issued; another partner's statement is not
 * there for it, whatever id it asks for.
 */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnersSeeTheirEarningsAndOnlyTheirStatements {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    DealFixtures deals;
    DealFixtures.Member indian;
    DealFixtures.Member other;
    PayoutLineView indianLine;
    PayoutLineView otherLine;

    @BeforeAll
    void twoPartnersPaidInOneRun() {
        PayoutFixtures f = new PayoutFixtures(context);
        deals = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.referralProgramme(tenant, "INR");
        indian = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(0));
        other = f.bankPartner(tenant, program, PayoutFixtures.IBANS.get(1));
        f.gstRegistered(tenant, indian.id());
        f.vendorGstin(tenant);
        f.approvedCommission(tenant, program, indian.id(), "1200000", "INR");
        f.approvedCommission(tenant, program, other.id(), "200000", "INR");
        PayoutRunView run = f.paidRun(tenant);
        indianLine = f.line(tenant, run, indian.id());
        otherLine = f.line(tenant, run, other.id());
        f.commissions().dealWon(tenant, program, indian.id(), "100000", "INR");
    }

    @Test
    void thePartnerSeesItsTotalsExplainedCommissionsAndStatements() throws Exception {
        String page = page("/portal/earnings", indian);
        assertThat(page)
                .contains("data-testid=\"total-pending\"")
                .contains("15,000.00 INR")
                .contains("180,000.00 INR")
                .contains("15 % of 1200000.00 INR = 180000.00 INR")
                .contains(indianLine.reference())
                .contains("208,800.00 INR")
                .contains("data-testid=\"download-invoice\"")
                .doesNotContain(otherLine.reference())
                .doesNotContain("add-payout-details");
        assertThat(page("/portal/earnings", other)).doesNotContain("data-testid=\"download-invoice\"");
        // The home sums the same, and says when the next run pays what is approved.
        assertThat(page("/portal", indian))
                .contains("data-testid=\"earnings-paid\"")
                .contains("180,000.00 INR")
                .contains("data-testid=\"next-payout\"")
                .doesNotContain("data-testid=\"recorded-margins\"");
        assertThat(page("/portal/payout-details", indian))
                .contains(PayoutFixtures.IBANS.get(0))
                .contains(PayoutFixtures.GSTIN);
    }

    @Test
    void thePartnerDownloadsItsStatementAndInvoice() throws Exception {
        byte[] statement = mvc.perform(get("/portal/earnings/statements/" + indianLine.id() + ".pdf")
                        .with(deals.portal(indian)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(statement))
                .contains("Partner statement", indianLine.partnerName(), indianLine.reference())
                .contains("Gross commission INR 180000.00", "GST added INR 32400.00", "Net paid INR 208800.00");
        byte[] invoice = mvc.perform(get("/portal/earnings/invoices/" + indianLine.id() + ".pdf")
                        .with(deals.portal(indian)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(invoice)).contains("Self-billed invoice", "Bluebird Consulting LLP");
    }

    @Test
    void anotherPartnersStatementAndAMissingInvoiceAre404() throws Exception {
        mvc.perform(get("/portal/earnings/statements/" + otherLine.id() + ".pdf")
                        .with(deals.portal(indian)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/earnings/invoices/" + indianLine.id() + ".pdf").with(deals.portal(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/earnings/invoices/" + otherLine.id() + ".pdf").with(deals.portal(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/earnings/statements/not-an-id.pdf").with(deals.portal(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/app/payouts").with(deals.portal(indian))).andExpect(status().isForbidden());
    }

    private String page(String path, DealFixtures.Member member) throws Exception {
        return mvc.perform(get(path).with(deals.portal(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
