package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.canopy.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A partner user in a real Chromium: the portal opens, the console stays shut. */
class PartnerUserSignsInToThePortalOnly extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void thePortalOpensAndTheConsoleDoesNot() {
        String partner = fixtures.partnerUser(fixtures.newWorkspace());
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 800));
        Page page = context.newPage();
        page.navigate(url("/portal"));
        page.waitForURL(url("/portal/login"));
        page.getByLabel("Email").fill(partner);
        page.getByLabel("Password").fill("wrong password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByText("do not match a partner account")).isVisible();
        page.getByLabel("Email").fill(partner);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        // Back where the partner was going; Spring Security marks the resumed request with ?continue.
        page.waitForURL(u -> u.equals(url("/portal")) || u.equals(url("/portal?continue")));
        assertThat(page.getByTestId("page-title")).containsText("Partner Person");
        screenshot(page, "10-portal");

        page.navigate(url("/app"));
        assertThat(page.getByTestId("error-title")).hasText("Not allowed");
        screenshot(page, "11-portal-user-in-console");
        context.close();
    }

    @Test
    void aStreamedOversizeBodyIsRefusedWithoutALengthToTrust() throws Exception {
        String key = fixtures.apiKey(fixtures.newWorkspace(), dev.canopy.identity.ApiKeyScope.READ_WRITE);
        // No Content-Length: HttpClient sends a publisher of unknown length chunked.
        HttpRequest.BodyPublisher twoMegabytes = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofString("{\"email\":\"" + "a".repeat(2_000_000) + "@example.com\"}"));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/api/v1/invitations")))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(twoMegabytes)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(413);
        org.assertj.core.api.Assertions.assertThat(response.body()).contains("\"status\":413");
        org.assertj.core.api.Assertions.assertThat(twoMegabytes.contentLength()).isEqualTo(-1);
    }
}
