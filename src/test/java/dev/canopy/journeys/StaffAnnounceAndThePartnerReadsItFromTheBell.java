package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real Chromium: a partner manager writes an announcement for every partner and publishes it; the partner's
 * bell shows one unread, the partner opens the announcement from the portal's menu and the count is gone; the
 * partner manager sees who read it.
 */
class StaffAnnounceAndThePartnerReadsItFromTheBell extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void publishedReadAndReceipted() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String partner = fixtures.partnerUser(tenant);
        VendorUser manager = fixtures.member(tenant, Role.PARTNER_MANAGER);

        BrowserContext vendorBrowser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page console = vendorBrowser.newPage();
        signInToConsole(console, manager.email());
        console.getByTestId("nav-announcements").click();
        console.getByTestId("new-announcement").click();
        console.getByTestId("announcement-title").fill("Spring launch webinar");
        console.getByTestId("announcement-body").fill("Join us on **12 March** for the spring launch.");
        console.getByTestId("pinned").check();
        screenshot(console, "announcement-new");
        console.getByTestId("save-announcement").click();
        assertThat(console.getByTestId("flash")).containsText("is a draft");
        console.getByTestId("publish").click();
        assertThat(console.getByTestId("flash")).containsText("Published");
        assertThat(console.getByTestId("receipts-total")).hasText("0 of 1");

        BrowserContext partnerBrowser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page portal = signInToPortal(partnerBrowser, partner);
        assertThat(portal.getByTestId("bell-count")).hasText("1");
        assertThat(portal.getByTestId("pinned-announcement")).containsText("Spring launch webinar");
        portal.getByTestId("bell-button").click();
        assertThat(portal.getByTestId("bell-item")).containsText("Announcement: Spring launch webinar");
        screenshot(portal, "announcement-bell");
        portal.getByTestId("bell-button").click();
        portal.getByTestId("portal-more").click();
        portal.getByTestId("nav-announcements").click();
        assertThat(portal.getByTestId("unread")).isVisible();
        portal.waitForResponse(
                response -> response.url().endsWith("/read") && response.status() == 204,
                () -> portal.getByTestId("announcement-row")
                        .getByText("Spring launch webinar")
                        .click());
        assertThat(portal.getByTestId("announcement-body")).containsText("12 March");
        portal.navigate(url("/portal"));
        assertThat(portal.getByTestId("bell")).isVisible();
        assertThat(portal.getByTestId("bell-count")).hasCount(0);
        screenshot(portal, "announcement-read");

        console.reload();
        assertThat(console.getByTestId("receipts-total")).hasText("1 of 1");
        assertThat(console.getByTestId("receipt-reader")).containsText("Partner Person");
        screenshot(console, "announcement-receipts");
        partnerBrowser.close();
        vendorBrowser.close();
    }
}
