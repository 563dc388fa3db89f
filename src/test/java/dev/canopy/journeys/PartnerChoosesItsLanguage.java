package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.canopy.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A partner in a real Chromium: the sign-in page follows the browser's language and offers the others; in the
 * portal the partner picks German from the menu, and the choice follows it to its next sign-in on another device.
 */
class PartnerChoosesItsLanguage extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void aFrenchBrowserSignsInInFrenchAndThePartnerSwitchesToGerman() {
        String partner = fixtures.partnerUser(fixtures.newWorkspace());
        BrowserContext laptop = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1366, 800).setLocale("fr-FR"));
        Page page = laptop.newPage();
        page.navigate(url("/portal/login"));
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.getByTestId("language-links")).containsText("Deutsch");
        page.getByLabel("E-mail").fill(partner);
        page.getByLabel("Mot de passe").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        assertThat(page.getByTestId("page-title")).containsText("Bienvenue");

        page.getByTestId("language-menu").click();
        page.getByTestId("language-de").click();
        assertThat(page.getByTestId("page-title")).containsText("Willkommen");
        assertThat(page.getByTestId("nav-earnings")).hasText("Einnahmen");
        screenshot(page, "language-portal-de-1366");
        page.setViewportSize(390, 844);
        screenshot(page, "language-portal-de-390");
        page.getByTestId("open-menu").click();
        // Once Bootstrap has finished unfolding the bar: a dropdown toggled while it unfolds may not stay open.
        assertThat(page.locator("#portal-nav.collapse.show")).isVisible();
        page.getByTestId("language-menu").click();
        assertThat(page.getByTestId("language-menu")).hasAttribute("aria-expanded", "true");
        assertThat(page.getByTestId("language-fr")).isVisible();
        screenshot(page, "language-portal-menu-390");
        laptop.close();

        // Another device, whose browser asks for English: the account's choice wins at sign-in.
        BrowserContext phone = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("en-GB"));
        Page other = phone.newPage();
        other.navigate(url("/portal/login"));
        assertThat(other.locator("html")).hasAttribute("lang", "en");
        screenshot(other, "language-portal-login-390");
        other.getByLabel("Email").fill(partner);
        other.getByLabel("Password").fill(Fixtures.PASSWORD);
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(other.getByTestId("page-title")).containsText("Willkommen");
        phone.close();
    }
}
