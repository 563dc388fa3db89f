package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealView;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Deal registration end to end in Chromium: a partner registers an account another partner registered
 * first (the form warns as the domain is typed), the vendor sees the conflict on both in the inbox, rejects it,
 * approves the other registration and marks it won; each partner sees the outcome in the portal, and
 * the winner sees its referral fee pending.
 */
class PartnerRegistersAConflictingDealAndTheVendorDecides extends BrowserTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Test
    void registerConflictReviewApproveTheOtherAndWin() {
        DealFixtures f = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        CommissionFixtures commissions = new CommissionFixtures(context);
        ProgramView program = commissions.referralProgram(tenant, "EUR", 30);
        commissions.rule(tenant, program, CommissionFixtures.referralFee("15"));
        DealFixtures.Member first = f.member(tenant, program);
        DealFixtures.Member second = f.member(tenant, program);
        DealView earlier = f.register(first, program, "Acme Widgets Ltd", "https://www.acme-widgets.co.uk");

        // The second partner registers the same company under a subdomain; the form warns as it is typed.
        BrowserContext partnerBrowser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page portal = signInToThePortal(partnerBrowser, second.email());
        portal.getByTestId("nav-my-deals").click();
        portal.getByTestId("register-deal").click();
        portal.getByLabel("Company (account)").fill("ACME Widgets");
        portal.getByLabel("Website").pressSequentially("shop.acme-widgets.co.uk");
        assertThat(portal.getByTestId("conflict-hint")).containsText("acme-widgets.co.uk");
        portal.getByLabel("Estimated value").fill("48000");
        portal.getByLabel("Currency").fill("EUR");
        portal.getByLabel("Contact name").fill("Wile E. Coyote");
        portal.getByLabel("Contact email").fill("wile@acme-widgets.co.uk");
        portal.getByLabel("Products").fill("Cloud Suite, Analytics");
        portal.getByLabel("Expected close")
                .fill(LocalDate.now(clock).plusMonths(2).toString());
        screenshot(portal, "60-register-deal-with-conflict-hint");
        portal.setViewportSize(390, 844);
        screenshot(portal, "60b-register-deal-with-conflict-hint-phone");
        portal.setViewportSize(1366, 900);
        portal.getByTestId("submit-deal").click();
        assertThat(portal.getByTestId("deal-status")).containsText("Waiting for review");

        // The vendor sees both registrations, the later one flagged with its conflict.
        BrowserContext vendorBrowser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page console = vendorBrowser.newPage();
        signInToConsole(console, tenant.owner().email());
        console.getByTestId("nav-deals").click();
        assertThat(console.getByTestId("deal-row")).hasCount(2);
        assertThat(console.getByTestId("conflict-badge")).hasCount(2);
        screenshot(console, "61-registrations-inbox");
        console.getByText("ACME Widgets", new Page.GetByTextOptions().setExact(true))
                .click();
        assertThat(console.getByTestId("conflict")).containsText("Acme Widgets Ltd");
        assertThat(console.getByTestId("conflict")).containsText("Same domain");
        assertThat(console.getByTestId("matched-status")).containsText("Waiting for review");
        screenshot(console, "62-deal-with-conflict");
        console.getByTestId("reject-reason").fill("Another partner registered Acme Widgets first.");
        console.getByTestId("reject").click();
        assertThat(console.getByTestId("flash")).containsText("rejected");

        // It approves the earlier registration and, later, marks it won.
        console.navigate(url("/app/deals/" + earlier.id()));
        console.getByTestId("approve").click();
        assertThat(console.getByTestId("deal-status")).containsText("Approved");
        assertThat(console.getByTestId("protected-until")).isVisible();
        console.getByTestId("mark-won").click();
        assertThat(console.getByTestId("deal-status")).containsText("Won");
        assertThat(console.getByTestId("sourcing-label")).containsText("Partner-sourced");
        screenshot(console, "63-deal-won");
        console.setViewportSize(390, 844);
        screenshot(console, "63b-deal-won-phone");
        vendorBrowser.close();

        // The second partner learns why; the first sees its deal won.
        portal.navigate(url("/portal/deals"));
        assertThat(portal.getByTestId("deal-status")).containsText("Rejected");
        portal.getByText("ACME Widgets", new Page.GetByTextOptions().setExact(true))
                .click();
        assertThat(portal.getByText("Another partner registered Acme Widgets first."))
                .isVisible();
        partnerBrowser.close();

        BrowserContext winnerBrowser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page winner = signInToThePortal(winnerBrowser, first.email());
        winner.navigate(url("/portal/deals"));
        assertThat(winner.getByTestId("deal-status")).containsText("Won");
        winner.getByText("Acme Widgets Ltd", new Page.GetByTextOptions().setExact(true))
                .click();
        assertThat(winner.getByTestId("won-on")).containsText("Partner-sourced");
        screenshot(winner, "64-partner-sees-deal-won");

        // The won deal earned its referral fee: 15 % of the 25,000 EUR contract, pending for the hold.
        winner.getByTestId("nav-earnings").click();
        assertThat(winner.getByTestId("commission-status")).containsText("Pending");
        assertThat(winner.getByTestId("explanation")).containsText("15 % of 25000.00 EUR = 3750.00 EUR");
        assertThat(winner.getByTestId("total-pending")).containsText("3,750.00 EUR");
        screenshot(winner, "65-partner-sees-its-commission-pending");
        winnerBrowser.close();
    }

    private Page signInToThePortal(BrowserContext context, String email) {
        Page page = context.newPage();
        page.navigate(url("/portal/login"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url("/portal"));
        return page;
    }
}
