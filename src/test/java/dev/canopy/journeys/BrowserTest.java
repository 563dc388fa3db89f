package dev.canopy.journeys;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.canopy.testing.CanopyServerTest;
import dev.canopy.testing.Chromium;
import dev.canopy.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey in Debian's Chromium ({@link Chromium}), against the running application.
 */
@CanopyServerTest
abstract class BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs a member of a workspace in at the console's sign-in page and waits for the console's home. */
    void signInToConsole(Page page, String email) {
        page.navigate(url("/login"));
        page.getByLabel("Work email").fill(email);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url("/app"));
    }

    /** Signs a partner user in at the portal's sign-in page, in a new page of {@code context}. */
    Page signInToPortal(BrowserContext context, String email) {
        Page page = context.newPage();
        page.navigate(url("/portal/login"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url("/portal"));
        return page;
    }

    /** Saved under target/screenshots, for people to look at what the test saw. */
    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}
