package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The API reference (/api/docs) as an integrator opens it, on a desktop and on a phone: every operation shows
 * its SDK method name, and an operation opened shows its 201 with Location, its problems and the Problem schema.
 */
class IntegratorReadsTheApiReference extends BrowserTest {

    @Test
    void anOperationShowsItsMethodNameItsCreatedAnswerAndItsProblems() {
        for (int width : new int[] {1366, 390}) {
            try (BrowserContext context = browser.newContext(
                    new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, 900))) {
                Page page = context.newPage();
                page.navigate(url("/api/docs"));
                Locator createPartner = page.locator("#operations-Partners-createPartner");
                // Swagger UI draws every operation (about 190) before this one: a busy machine needs more than 5 s.
                assertThat(createPartner)
                        .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                                .setTimeout(30_000));
                assertThat(createPartner.locator(".opblock-summary-operation-id"))
                        .hasText("createPartner");

                createPartner.locator(".opblock-summary-control").click();
                Locator responses = createPartner.locator(".responses-table");
                assertThat(responses.locator("tr[data-code='201']")).containsText("Location");
                assertThat(responses.locator("tr[data-code='400']")).containsText("application/problem+json");
                assertThat(responses.locator("tr[data-code='429']")).isVisible();
                createPartner.screenshot(new Locator.ScreenshotOptions()
                        .setPath(java.nio.file.Path.of(
                                "target", "screenshots", "api-reference-create-partner-" + width + ".png")));

                assertThat(page.locator("section.models")).containsText("Problem");
            }
        }
    }
}
