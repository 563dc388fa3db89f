package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.TrackingFixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A partner makes a link in the portal; a visitor follows it to the vendor's website (served here by
 * the browser, as the vendor's site would be), where the real snippet keeps the click and reports the
 * sign-up; the vendor sees the customer attributed with the click as evidence, and the partner sees
 * the lead on its link.
 */
class PartnerLinkBringsASignUpThroughTheSnippet extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    /** The vendor's website: a page with the snippet and a sign-up button that reports the lead. */
    private static HttpServer vendorWebsite(String snippet) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = """
                <!doctype html><html><body><h1>Webinar</h1>
                <button id="signup" onclick="canopy.lead({email: 'kim@kite.example', customerId: 'kite-1'})
                  .then(r => document.getElementById('result').textContent = r.outcome)">Sign up</button>
                <p id="result"></p>
                <script src="%s"></script></body></html>
                """.formatted(snippet).getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aVisitorFromAPartnerLinkSignsUpAndIsAttributedToThePartner() throws IOException {
        TrackingFixtures.Setup setup = new TrackingFixtures(context).setup();
        String partnerEmail = fixtures.partnerUser(setup.tenant());
        PartnerId partner = fixtures.partnerOf(partnerEmail);
        new ProgramFixtures(context).enrol(setup.tenant(), setup.program().id(), partner);
        String slug = "webinar-" + Fixtures.unique("w").substring(2);
        HttpServer site = vendorWebsite(url("/t/" + setup.tenant().slug() + "/canopy.js"));

        BrowserContext portal = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page page = portal.newPage();
        page.navigate(url("/portal/login"));
        page.getByLabel("Email").fill(partnerEmail);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.getByTestId("nav-my-links").click();
        assertThat(page.getByTestId("links")).containsText("personal");
        page.getByTestId("slug").fill(slug);
        page.getByTestId("destination").fill("https://evil.example/");
        page.getByTestId("create-link").click();
        assertThat(page.getByTestId("new-link")).containsText("is not one of the allowed domains");
        page.getByTestId("destination")
                .fill("http://blog.shop.example:" + site.getAddress().getPort() + "/webinar");
        page.getByTestId("create-link").click();
        assertThat(page.getByTestId("flash")).containsText(slug);
        screenshot(page, "50-portal-my-links");
        String link = page.locator("tr[data-slug='" + slug + "'] [data-testid=link-url]")
                .textContent();

        // The visitor's browser resolves the vendor's site to a local server, as DNS would to the real one.
        Browser visitorBrowser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(java.nio.file.Path.of(
                                System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")))
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--host-resolver-rules=MAP blog.shop.example 127.0.0.1")));
        // A person's browser: headless Chromium announces itself as HeadlessChrome, which is never counted.
        BrowserContext visitor = visitorBrowser.newContext(
                new Browser.NewContextOptions()
                        .setUserAgent(
                                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36"));
        Page vendorSite = visitor.newPage();
        vendorSite.navigate(link);
        vendorSite.waitForURL(u ->
                u.startsWith("http://blog.shop.example:" + site.getAddress().getPort() + "/webinar?"));
        org.assertj.core.api.Assertions.assertThat(vendorSite.url())
                .contains("cnp_click=")
                .contains("cnp_ref=");
        vendorSite.locator("#signup").click();
        assertThat(vendorSite.locator("#result")).hasText("ATTRIBUTED");
        org.assertj.core.api.Assertions.assertThat(visitor.cookies("http://blog.shop.example"))
                .anySatisfy(cookie ->
                        org.assertj.core.api.Assertions.assertThat(cookie.name).isEqualTo("cnp_click"));
        visitorBrowser.close();
        site.stop(0);

        BrowserContext vendor = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page console = vendor.newPage();
        console.navigate(url("/login"));
        console.getByLabel("Email").fill(setup.tenant().owner().email());
        console.getByLabel("Password").fill(Fixtures.PASSWORD);
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        console.getByTestId("nav-customers").click();
        console.getByText("kim@kite.example").click();
        assertThat(console.getByTestId("owner")).containsText("Partner " + partnerEmail);
        assertThat(console.getByTestId("decisions")).containsText("link click");
        screenshot(console, "51-console-customer-evidence");
        console.getByTestId("nav-events").click();
        assertThat(console.getByTestId("events")).containsText("SNIPPET");
        screenshot(console, "52-console-events");
        vendor.close();

        page.reload();
        assertThat(page.locator("tr[data-slug='" + slug + "'] td").nth(3)).hasText("1");
        portal.close();
    }
}
