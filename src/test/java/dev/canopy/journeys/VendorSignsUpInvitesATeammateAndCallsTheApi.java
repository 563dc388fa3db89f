package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.sun.net.httpserver.HttpServer;
import dev.canopy.testing.Fixtures;
import dev.canopy.webhooks.internal.Dispatcher;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The first journey of a new customer, in a real Chromium against the running application. */
class VendorSignsUpInvitesATeammateAndCallsTheApi extends BrowserTest {

    @Autowired
    Dispatcher dispatcher;

    private static String sessionCookie(BrowserContext context) {
        return context.cookies().stream()
                .filter(c -> c.name.equals("CANOPY_SESSION"))
                .map(c -> c.value)
                .findFirst()
                .orElse(null);
    }

    @Test
    void signUpSignOutSignInInviteAcceptAndUseAnApiKey() throws Exception {
        String slug = Fixtures.unique("journey");
        String owner = Fixtures.uniqueEmail("olivia");
        String teammate = Fixtures.uniqueEmail("felix");

        BrowserContext ownerContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page page = ownerContext.newPage();

        // Sign up a workspace.
        page.navigate(url("/signup"));
        page.getByLabel("Company name").fill("Journey Cloud");
        page.getByLabel("Workspace address").fill(slug);
        assertThat(page.locator("#slug-hint")).containsText("is available");
        page.getByLabel("Your name").fill("Olivia Owner");
        page.getByLabel("Work email").fill(owner);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        screenshot(page, "01-signup");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workspace"))
                .click();
        page.waitForURL(url("/app"));
        assertThat(page.getByTestId("page-title")).containsText("Olivia Owner");
        assertThat(page.getByTestId("workspace-name")).hasText("Journey Cloud");
        screenshot(page, "02-overview");

        Cookie session = ownerContext.cookies().stream()
                .filter(c -> c.name.equals("CANOPY_SESSION"))
                .findFirst()
                .orElseThrow();
        assertThat(session.httpOnly).isTrue();
        assertThat(session.secure).isTrue();

        // Sign out, then sign in again: the session id changes at sign-in.
        page.getByTestId("account-menu").click();
        page.getByTestId("sign-out").click();
        page.waitForURL(url("/login?logout"));
        String anonymousSession = sessionCookie(ownerContext);
        page.getByLabel("Work email").fill(owner);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url("/app"));
        assertThat(sessionCookie(ownerContext)).isNotNull().isNotEqualTo(anonymousSession);

        // Invite a teammate.
        page.navigate(url("/app/team"));
        assertThat(page.getByTestId("no-invitations")).isVisible();
        page.getByPlaceholder("name@company.com").fill(teammate);
        page.getByLabel("Role").first().selectOption("FINANCE");
        page.getByTestId("send-invitation").click();
        assertThat(page.getByTestId("flash")).containsText("Invitation sent to " + teammate);
        assertThat(page.getByTestId("invitations")).containsText(teammate);
        screenshot(page, "03-team");

        // The invitation arrives; the owner reads it in the mail sink.
        page.navigate(url("/app/mail"));
        page.getByTestId("mail-list").getByText("invited you to Journey Cloud").click();
        assertThat(page.getByTestId("mail-subject")).containsText("invited you to Journey Cloud");
        String link = page.getByTestId("mail-link").first().getAttribute("href");
        assertThat(link).startsWith(url("/invitations/"));
        screenshot(page, "04-mail-sink");

        // The teammate accepts from the email link, in their own browser.
        BrowserContext teammateContext = browser.newContext();
        Page teammatePage = teammateContext.newPage();
        teammatePage.navigate(link);
        assertThat(teammatePage.locator("h1")).containsText("Join Journey Cloud");
        teammatePage.getByLabel("Your name").fill("Felix Finance");
        teammatePage.getByLabel("Choose a password").fill(Fixtures.PASSWORD);
        screenshot(teammatePage, "05-accept-invitation");
        teammatePage
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join workspace"))
                .click();
        teammatePage.waitForURL(url("/app"));
        assertThat(teammatePage.getByTestId("me-name")).hasText("Felix Finance");
        assertThat(teammatePage.getByTestId("workspace-name")).hasText("Journey Cloud");
        teammateContext.close();

        page.navigate(url("/app/team"));
        assertThat(page.getByTestId("members")).containsText("Felix Finance");
        assertThat(page.getByTestId("invitations")).containsText("Accepted");

        // Create an API key and call the API with it.
        page.navigate(url("/app/api-keys"));
        assertThat(page.getByTestId("no-keys")).isVisible();
        page.getByPlaceholder("What uses it, e.g. Stripe billing").fill("Billing system");
        page.getByTestId("create-key").click();
        String secret = page.getByTestId("new-key-secret").textContent().strip();
        screenshot(page, "06-api-key");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/api/v1/workspace")))
                                .header("Authorization", "Bearer " + secret)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"slug\":\"" + slug + "\"").contains("Journey Cloud");

        // Send the workspace's events to a receiver of its own: add an endpoint, send it a test event, read the log.
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        List<String> received = new CopyOnWriteArrayList<>();
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("webhook-signature"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            page.navigate(url("/app/webhooks"));
            assertThat(page.getByTestId("no-endpoints")).isVisible();
            page.getByTestId("url")
                    .fill("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
            page.getByLabel("What it is for").fill("CRM sync");
            page.getByLabel("tier.changed").check();
            page.getByTestId("add-endpoint").click();
            assertThat(page.getByTestId("secret")).containsText("whsec_");
            page.getByTestId("send-test").click();
            dispatcher.deliverDue();
            page.reload();
            assertThat(page.getByTestId("deliveries")).containsText("webhook.test");
            assertThat(page.getByTestId("delivery-status")).hasText("delivered");
            screenshot(page, "08-webhook-endpoint");
            page.setViewportSize(390, 844);
            screenshot(page, "08b-webhook-endpoint-phone");
            page.navigate(url("/app/webhooks"));
            screenshot(page, "08c-webhooks-phone");
            page.setViewportSize(1366, 900);
            org.assertj.core.api.Assertions.assertThat(received)
                    .singleElement()
                    .asString()
                    .startsWith("v1,");
        } finally {
            receiver.stop(0);
        }

        // Moving from another PRM: the import form names what is missing beside its field.
        page.navigate(url("/app/imports"));
        assertThat(page.getByTestId("no-imports")).isVisible();
        page.getByTestId("source").selectOption("DUB");
        page.getByTestId("file-partners")
                .setInputFiles(new com.microsoft.playwright.options.FilePayload(
                        "partners.csv",
                        "text/csv",
                        "id,email,name,company_name,country,group\npn_1,ana@alpha.example,Ana,Alpha,PT,\n"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByTestId("start-import").click();
        assertThat(page.locator("#program + .invalid-feedback")).hasText("Choose the programme to import into");
        screenshot(page, "09-imports");
        page.setViewportSize(390, 844);
        screenshot(page, "09b-imports-phone");
        page.setViewportSize(1366, 900);

        page.navigate(url("/app/audit"));
        assertThat(page.getByTestId("audit-entries")).containsText("API key created");
        assertThat(page.getByTestId("audit-entries")).containsText("Team invitation accepted");
        screenshot(page, "07-audit");
        ownerContext.close();
    }
}
