package dev.canopy.payouts;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Finance runs a payout through the console: the preview, starting a run, approving it (twice above the
 * threshold), exporting it, the bank file with each partner's IBAN and net, the statement and the self-billed
 * invoice; a run with a partner nobody knows how to pay is not exported, and analysts only look.
 */
@CanopyTest
class FinanceRunsAPayoutFromTheConsole {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    PayoutRuns runs;

    @Autowired
    JdbcClient db;

    PayoutFixtures f;
    Fixtures.Tenant tenant;
    VendorUser finance;

    @BeforeEach
    void aWorkspaceWithFinance() {
        f = new PayoutFixtures(context);
        tenant = fixtures.newWorkspace();
        finance = fixtures.member(tenant, Role.FINANCE);
    }

    @Test
    void aBankPartnersRunIsApprovedExportedAndItsFileHoldsItsIbanAndNet() throws Exception {
        ProgramView program = f.referralProgramme(tenant, "USD");
        DealFixtures.Member partner = f.bankPartner(tenant, program, PayoutFixtures.IBANS.getFirst());
        f.approvedCommission(tenant, program, partner.id(), "20000", "USD");

        assertThat(page("/app/payouts", finance)).contains("3,000.00").contains("data-testid=\"start-run\"");
        String location = mvc.perform(
                        post("/app/payouts/runs").with(signedIn(finance)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID run = UUID.fromString(location.substring("/app/payouts/".length()));
        assertThat(page(location, finance)).contains("Awaiting approval").contains("data-testid=\"approve\"");

        perform(finance, run, "approve").andExpect(flash().attribute("flash", containsString("is approved")));
        perform(finance, run, "export").andExpect(flash().attribute("flash", containsString("is exported")));
        assertThat(page(location, finance)).contains("data-testid=\"download-bank-USD\"");

        MvcResult file = mvc.perform(get(location + "/files/bank/USD").with(signedIn(finance)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andReturn();
        String csv = file.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("Payee name,IBAN or account number");
        assertThat(csv).contains(PayoutFixtures.IBANS.getFirst()).contains("3000.00,USD");

        PayoutLineView line = only(run);
        byte[] statement = mvc.perform(
                        get(location + "/lines/" + line.id() + "/statement.pdf").with(signedIn(finance)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(statement)).contains(line.partnerName(), "Net paid USD 3000.00", "15 %");

        mvc.perform(post(location + "/paid").with(signedIn(finance)).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("is paid")));
        assertThat(page(location, finance)).contains("Marked paid by");
        assertThat(page("/app/payouts", finance)).contains("Nothing to pay yet");
        assertThat(page("/app/reconciliation", finance))
                .contains(line.partnerName())
                .contains("Reconciles");
        assertThat(page("/app/reconciliation.csv", finance))
                .contains("Partner,Currency,Earned")
                .contains(line.partnerName() + ",USD,3000.00,0.00,0.00,0.00,0.00,3000.00,0.00,0.00,0.00,yes");

        // The audit log names the run by its reference at every step, never by its id.
        String reference = db.sql("select reference from payouts_run where id = ?")
                .param(run)
                .query(String.class)
                .single();
        String audit = page("/app/audit?subject=payout-run", tenant.owner());
        for (String step : List.of("Run started", "Run approved", "Run exported", "Run paid")) {
            assertThat(audit).contains(step);
        }
        assertThat(audit.split("<span>" + reference + "</span>", -1)).hasSizeGreaterThan(4);
        assertThat(audit).doesNotContain(">" + run + "</div>");
    }

    @Test
    void aboveTheThresholdTheStarterCannotApproveAloneAndSeesWhy() throws Exception {
        ProgramView program = f.referralProgramme(tenant, "INR");
        DealFixtures.Member partner = f.bankPartner(tenant, program, PayoutFixtures.IBANS.getFirst());
        f.gstRegistered(tenant, partner.id());
        f.vendorGstin(tenant);
        f.approvedCommission(tenant, program, partner.id(), "1200000", "INR");
        PayoutRunView run = fixtures.as(finance, runs::start);

        assertThat(page("/app/payouts/" + run.id(), finance))
                .contains("data-testid=\"first-approver\"")
                .contains("Needs a second approver")
                .contains("You approved first");
        perform(finance, run.id(), "approve")
                .andExpect(flash().attribute("flashError", containsString("someone other than")));
        assertThat(fixtures.as(finance, () -> runs.get(run.id())).status())
                .isEqualTo(PayoutRunStatus.AWAITING_APPROVAL);

        perform(tenant.owner(), run.id(), "approve").andExpect(flash().attribute("flash", containsString("approved")));
        perform(tenant.owner(), run.id(), "export");
        PayoutLineView line = only(run.id());
        byte[] invoice = mvc.perform(get("/app/payouts/" + run.id() + "/lines/" + line.id() + "/invoice.pdf")
                        .with(signedIn(finance)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(invoice))
                .contains("Self-billed invoice", line.reference())
                .contains("GSTIN: " + PayoutFixtures.GSTIN, "GSTIN: " + PayoutFixtures.VENDOR_GSTIN)
                .contains("CGST @ 9 % INR 16200.00", "SGST @ 9 % INR 16200.00")
                .contains("Amount paid INR 208800.00", "Karnataka (29)");
    }

    @Test
    void aRunIsNotExportedWhileAPartnerHasNoPayoutDetails() throws Exception {
        ProgramView program = f.referralProgramme(tenant, "USD");
        DealFixtures.Member unknown = f.commissions().member(tenant, program);
        f.approvedCommission(tenant, program, unknown.id(), "20000", "USD");
        PayoutRunView run = f.approvedRun(tenant);
        String partnerName = only(run.id()).partnerName();

        assertThat(page("/app/payouts/" + run.id(), finance))
                .contains("data-testid=\"missing-details\"")
                .contains(partnerName);
        perform(finance, run.id(), "export")
                .andExpect(flash().attribute("flashError", containsString(partnerName + " has no payout details")));
        assertThat(fixtures.as(finance, () -> runs.get(run.id())).status()).isEqualTo(PayoutRunStatus.APPROVED);
    }

    @Test
    void everyPayoutPageRendersForThoseWhoReadPayoutsAndAnalystsChangeNothing() throws Exception {
        ProgramView program = f.referralProgramme(tenant, "USD");
        DealFixtures.Member partner = f.bankPartner(tenant, program, PayoutFixtures.IBANS.getFirst());
        f.approvedCommission(tenant, program, partner.id(), "20000", "USD");
        PayoutRunView run = f.paidRun(tenant);
        f.approvedCommission(tenant, program, partner.id(), "10000", "USD");
        List<String> pages = List.of(
                "/app/payouts",
                "/app/payouts/" + run.id(),
                "/app/payouts/settings",
                "/app/reconciliation",
                "/app/reconciliation.csv",
                "/app/partners/" + partner.id() + "/payout-details");
        for (Role role : List.of(Role.OWNER, Role.FINANCE, Role.ANALYST)) {
            VendorUser user = fixtures.member(tenant, role);
            for (String path : pages) {
                mvc.perform(get(path).with(signedIn(user))).andExpect(status().isOk());
            }
        }
        assertThat(page("/app/partners/" + partner.id() + "/payout-details", finance))
                .contains("Bank transfer")
                .contains("DE89 •••• 3000")
                .doesNotContain(PayoutFixtures.IBANS.getFirst());
        VendorUser manager = fixtures.member(tenant, Role.PARTNER_MANAGER);
        mvc.perform(get("/app/payouts").with(signedIn(manager))).andExpect(status().isForbidden());

        VendorUser analyst = fixtures.member(tenant, Role.ANALYST);
        assertThat(page("/app/payouts", analyst)).doesNotContain("data-testid=\"start-run\"");
        mvc.perform(post("/app/payouts/runs").with(signedIn(analyst)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/app/payouts/settings")
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("netDays", "1")
                        .param("secondApprovalAbove", "1")
                        .param("secondApprovalCurrency", "USD"))
                .andExpect(status().isForbidden());
        assertThat(fixtures.count("payouts_run", tenant.id())).isEqualTo(1);
    }

    private org.springframework.test.web.servlet.ResultActions perform(VendorUser user, UUID run, String action)
            throws Exception {
        return mvc.perform(post("/app/payouts/" + run + "/" + action)
                        .with(signedIn(user))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private PayoutLineView only(UUID run) {
        List<PayoutLineView> lines = fixtures.as(finance, () -> runs.lines(run));
        assertThat(lines).hasSize(1);
        return lines.getFirst();
    }

    private String page(String path, VendorUser user) throws Exception {
        return mvc.perform(get(path).with(signedIn(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
