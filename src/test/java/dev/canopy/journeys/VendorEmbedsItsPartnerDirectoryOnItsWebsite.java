package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import dev.canopy.directory.DirectoryFixtures;
import dev.canopy.directory.ListingProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The vendor pastes the embed snippet into its own website (served here on another origin): the script fetches the
 * directory's JSON and shows the listed partners, every partner's words as text — a partner named like an HTML
 * image with an error handler shows as those characters, and nothing runs.
 */
class VendorEmbedsItsPartnerDirectoryOnItsWebsite extends BrowserTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    private static HttpServer vendorWebsite(String script) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = """
                <!doctype html><html><body><h1>Our partners</h1>
                <div data-canopy-directory data-service="Implementation"></div>
                <script src="%s" async></script></body></html>
                """.formatted(script).getBytes(StandardCharsets.UTF_8);
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
    void thePartnersShowOnTheVendorsSiteAsTextOnly() throws IOException {
        DirectoryFixtures f = new DirectoryFixtures(context);
        DirectoryFixtures.Listed hostile = f.listed(
                f.gold,
                new ListingProfile(
                        "<script>alert(2)</script> We implement.",
                        null,
                        null,
                        List.of("Implementation"),
                        List.of(),
                        List.of("EMEA")));
        db.sql("update partners_partner set name = ? where id = ?")
                .params(HOSTILE, hostile.id().value())
                .update();
        f.listed(f.silver, DirectoryFixtures.profile(List.of("Training"), List.of(), List.of()));
        HttpServer site = vendorWebsite(url("/directory/" + f.tenant.slug() + "/embed.js"));
        try (BrowserContext visitor = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = visitor.newPage();
            List<String> dialogs = new ArrayList<>();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            page.navigate("http://127.0.0.1:" + site.getAddress().getPort() + "/");
            assertThat(page.locator(".canopy-directory-partner")).hasCount(1);
            assertThat(page.locator(".canopy-directory-name")).hasText(HOSTILE);
            assertThat(page.locator(".canopy-directory-description")).containsText("<script>alert(2)</script>");
            assertThat(page.locator("[data-canopy-directory] img")).hasCount(0);
            assertThat(page.locator("[data-canopy-directory] script")).hasCount(0);
            assertThat(page.locator(".canopy-directory-name a"))
                    .hasAttribute("href", url("/directory/" + f.tenant.slug() + "/" + hostile.slug()));
            screenshot(page, "directory-embed");
            page.waitForTimeout(300);
            assertThat(dialogs).isEmpty();

            // The partner's own profile on Canopy escapes it too.
            page.navigate(url("/directory/" + f.tenant.slug() + "/" + hostile.slug()));
            assertThat(page.getByTestId("page-title")).hasText(HOSTILE);
            assertThat(page.locator("main img")).hasCount(0);
            assertThat(dialogs).isEmpty();
        } finally {
            site.stop(0);
        }
    }
}
