package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.payouts.PayoutFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A referral partner is paid end to end in Chromium: finance approves the fee of a won deal, opens Payouts,
 * starts a run, approves and exports it, downloads the bank file (the partner's IBAN and the net amount — in
 * EUR, the currency the partner asked to be paid in, at the day's USD→EUR rate), marks the run paid and sees
 * the partner in the US 1099 report; the partner then opens Earnings in the portal and downloads its statement.
 */
class FinanceApprovesCommissionsRunsAPayoutAndThePartnerDownloadsItsStatement extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Test
    void approveRunExportPayAndDownloadTheStatement() throws IOException {
        PayoutFixtures f = new PayoutFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.referralProgramme(tenant, "USD");
        DealFixtures.Member partner = f.bankPartner(tenant, program, PayoutFixtures.IBANS.getFirst(), "EUR");
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        fixtures.as(tenant.owner(), () -> context.getBean(ExchangeRates.class).enter("USD", "EUR", today, "0.92"));
        String paidAs = "3,000.00 USD paid as 2,760.00 EUR at 0.92 (rate of " + today + ")";
        f.commissions().dealWon(tenant, program, partner.id(), "20000", "USD");
        VendorUser finance = fixtures.member(tenant, Role.FINANCE);

        // Finance approves the pending fee without waiting for its hold, then runs the payout.
        BrowserContext vendorBrowser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page console = vendorBrowser.newPage();
        signInToConsole(console, finance.email());
        console.getByTestId("nav-commissions").click();
        assertThat(console.getByTestId("commission-status")).hasText("Pending");
        console.getByTestId("tick").check();
        screenshot(console, "89-commission-to-approve");
        console.getByTestId("bulk-approve").click();
        assertThat(console.getByTestId("flash")).containsText("1 commission approved");

        // What a run would pay; started and approved at once, as 3,000 USD is under the threshold.
        console.getByTestId("nav-payouts").click();
        assertThat(console.getByTestId("payout-line")).containsText("3,000.00");
        assertThat(console.getByTestId("paid-as")).hasText(paidAs);
        screenshot(console, "90-payouts-preview");
        console.getByTestId("start-run").click();
        assertThat(console.getByTestId("run-status")).hasText("Awaiting approval");
        // One tone per state on every page (shared.Status): waiting is amber, paid is green.
        assertThat(console.getByTestId("run-status")).hasClass(Pattern.compile("\\btext-bg-warning\\b"));
        screenshot(console, "91-payout-run-awaiting-approval");
        console.getByTestId("approve").click();
        assertThat(console.getByTestId("flash")).containsText("is approved");
        console.getByTestId("export").click();
        assertThat(console.getByTestId("run-status")).hasText("Exported");
        screenshot(console, "92-payout-run-exported");

        Download bankFile = console.waitForDownload(
                () -> console.getByTestId("download-bank-EUR").click());
        String csv = Files.readString(bankFile.path(), StandardCharsets.UTF_8);
        assertThat(csv).contains(PayoutFixtures.IBANS.getFirst()).contains("2760.00,EUR");

        console.onDialog(dialog -> dialog.accept());
        console.getByTestId("mark-paid").click();
        assertThat(console.getByTestId("run-status")).hasText("Paid");
        assertThat(console.getByTestId("run-status")).hasClass(Pattern.compile("\\btext-bg-success\\b"));
        assertThat(console.getByTestId("paid-by")).containsText("Member Finance");
        screenshot(console, "93-payout-run-paid");

        console.getByTestId("nav-reconciliation").click();
        assertThat(console.getByTestId("reconciles")).hasCount(1);
        screenshot(console, "94-reconciliation");
        // 3,000 USD paid this year is over the 1099 threshold; the partner gave no tax details yet.
        console.getByTestId("nav-form1099").click();
        assertThat(console.getByTestId("flag")).hasText("No tax details");
        screenshot(console, "94a-us-1099-report");
        Download report1099 = console.waitForDownload(
                () -> console.getByTestId("form1099-csv").click());
        assertThat(Files.readString(report1099.path(), StandardCharsets.UTF_8))
                .contains(",None,3000.00,1,,No tax details,");
        console.navigate(url("/app/partners/" + partner.id()));
        assertThat(console.getByTestId("masked-account")).hasText("DE89 •••• 3000");
        assertThat(console.getByTestId("payout-currency")).hasText("EUR");
        screenshot(console, "95-partner-payout-details");

        // Separation of duties is one switch in the payout settings; tax residence and the no-PAN choice beside it.
        console.navigate(url("/app/payouts/settings"));
        console.getByTestId("separate-duties").check();
        console.getByTestId("tax-country").fill("IN");
        console.getByTestId("without-pan").selectOption("HOLD");
        console.getByTestId("save-settings").click();
        assertThat(console.getByTestId("flash")).containsText("Payout settings saved");
        assertThat(console.getByTestId("separate-duties")).isChecked();
        assertThat(console.getByTestId("tax-country")).hasValue("IN");
        assertThat(console.getByTestId("without-pan")).hasValue("HOLD");
        screenshot(console, "95a-payout-settings-separation-of-duties");
        console.setViewportSize(390, 844);
        screenshot(console, "95b-payout-settings-phone");
        // On a phone the sidebar is a drawer behind the menu button.
        assertThat(console.getByTestId("nav-reconciliation")).not().isVisible();
        console.getByTestId("open-menu").click();
        assertThat(console.getByTestId("nav-reconciliation")).isVisible();
        // "show" replaces "showing" once the drawer has slid in.
        assertThat(console.locator("#console-nav")).hasClass(Pattern.compile("\\bshow\\b"));
        screenshot(console, "95c-console-menu-phone");
        console.getByTestId("nav-reconciliation").click();
        console.waitForURL(url("/app/reconciliation"));
        vendorBrowser.close();

        // The partner sees the payout in Earnings and downloads its statement.
        BrowserContext partnerBrowser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page portal = partnerBrowser.newPage();
        portal.navigate(url("/portal/login"));
        portal.getByLabel("Email").fill(partner.email());
        portal.getByLabel("Password").fill(Fixtures.PASSWORD);
        portal.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        portal.waitForURL(url("/portal"));
        portal.getByTestId("nav-earnings").click();
        assertThat(portal.getByTestId("total-paid")).containsText("3,000.00 USD");
        assertThat(portal.getByTestId("explanation")).containsText("15 % of 20000.00 USD = 3000.00 USD");
        assertThat(portal.getByTestId("paid-as")).hasText(paidAs);
        assertThat(portal.getByTestId("net-paid")).hasText("2,760.00 EUR");
        screenshot(portal, "96-partner-earnings");
        Download statement = portal.waitForDownload(
                () -> portal.getByTestId("download-statement").click());
        assertThat(statement.suggestedFilename()).endsWith(".pdf");
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(statement.path()))) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Partner statement")
                    .contains("Partner " + partner.email())
                    .contains("Net USD 3000.00")
                    .contains("Paid in EUR EUR 2760.00")
                    .contains(paidAs);
        }
        portal.getByTestId("payout-details-link").click();
        screenshot(portal, "97-partner-payout-details");
        portal.setViewportSize(390, 844);
        assertThat(portal.getByTestId("nav-earnings")).not().isVisible();
        portal.getByTestId("open-menu").click();
        screenshot(portal, "97b-portal-menu-phone");
        portal.getByTestId("nav-earnings").click();
        portal.waitForURL(url("/portal/earnings"));
        screenshot(portal, "97c-partner-earnings-phone");
        partnerBrowser.close();
    }
}
