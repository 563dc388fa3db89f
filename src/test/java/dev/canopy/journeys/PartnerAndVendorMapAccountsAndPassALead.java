package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.canopy.deals.AccountMapping;
import dev.canopy.deals.DealFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Account mapping and leads in Chromium: the partner uploads its accounts and shares overlaps, the vendor
 * (whose list is loaded) shares its overlaps too and both see the co-sell list; the vendor passes a lead,
 * which the partner accepts.
 */
class PartnerAndVendorMapAccountsAndPassALead extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountMapping mapping;

    @Test
    void mapAccountsSeeTheCoSellListAndAcceptALead() {
        DealFixtures f = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member partner = f.member(tenant, program);
        f.asStaff(tenant, () -> mapping.uploadVendorAccounts("""
                name,domain,status
                Fabrikam,fabrikam.com,open opportunity
                Woodgrove Bank,woodgrovebank.com,customer
                Contoso,contoso.com,customer
                """));

        // The partner uploads its accounts and shares the overlaps.
        BrowserContext partnerBrowser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page portal = partnerBrowser.newPage();
        portal.navigate(url("/portal/login"));
        portal.getByLabel("Email").fill(partner.email());
        portal.getByLabel("Password").fill(Fixtures.PASSWORD);
        portal.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        portal.waitForURL(url("/portal"));
        portal.getByTestId("portal-more").click();
        portal.getByTestId("nav-my-accounts").click();
        portal.getByTestId("accounts-file")
                .setInputFiles(new FilePayload("accounts.csv", "text/csv", """
                        name,domain,status
                        Fabrikam Inc.,www.fabrikam.com,customer
                        Woodgrove Bank plc,woodgrovebank.com,open opportunity
                        Litware,litwareinc.com,prospect
                        """.getBytes(StandardCharsets.UTF_8)));
        portal.getByTestId("upload-accounts").click();
        assertThat(portal.getByTestId("flash")).containsText("3 accounts");
        portal.getByTestId("level-select").selectOption("OVERLAPS");
        portal.getByTestId("save-level").click();
        assertThat(portal.getByTestId("nothing-shared")).isVisible();

        // The vendor shares its overlaps too; now both see the accounts they share.
        BrowserContext vendorBrowser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page console = vendorBrowser.newPage();
        signInToConsole(console, tenant.owner().email());
        console.getByTestId("nav-account-mapping").click();
        assertThat(console.getByTestId("mapping-overview")).containsText("Overlaps");
        console.getByTestId("mapping-overview").getByRole(AriaRole.LINK).first().click();
        console.getByTestId("level-select").selectOption("FULL");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share"))
                .click();
        assertThat(console.getByTestId("effective-level")).containsText("Overlaps");
        assertThat(console.getByTestId("cosell")).containsText("Fabrikam");
        assertThat(console.getByTestId("cosell")).containsText("Woodgrove Bank");
        assertThat(console.getByTestId("their-side")).not().containsText("litwareinc.com");
        screenshot(console, "70-account-mapping-with-a-partner");

        portal.reload();
        assertThat(portal.getByTestId("overlap-count")).hasText("2");
        assertThat(portal.getByTestId("overlaps")).containsText("Woodgrove Bank");
        assertThat(portal.getByTestId("their-side")).not().containsText("contoso.com");
        screenshot(portal, "71-partner-account-mapping");

        // The vendor passes a lead by hand; the partner accepts it and then sees whom to call.
        console.getByTestId("nav-leads").click();
        console.getByLabel("Company").fill("Lucerne Publishing");
        console.getByLabel("Website").fill("lucernepublishing.com");
        console.getByLabel("Contact name").fill("Lena Lucerne");
        console.getByLabel("Contact email").fill("lena@lucernepublishing.com");
        console.getByLabel("Region").fill("EMEA");
        console.getByLabel("Partner").selectOption(partner.id().toString());
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pass the lead on"))
                .click();
        assertThat(console.getByTestId("flash")).containsText("is offered to");
        screenshot(console, "72-leads");
        vendorBrowser.close();

        portal.getByTestId("nav-my-leads").click();
        assertThat(portal.getByTestId("lead")).not().containsText("lena@lucernepublishing.com");
        portal.getByTestId("accept-lead").click();
        assertThat(portal.getByTestId("lead")).containsText("lena@lucernepublishing.com");
        screenshot(portal, "73-partner-accepted-lead");
        partnerBrowser.close();
    }
}
