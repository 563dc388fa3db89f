package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.canopy.testing.Fixtures;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A partner manager types in a list's search box and the list narrows without pressing Enter. */
class ListsFilterAsYouType extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void thePartnersListNarrowsAsTheNameIsTypedAndTheAddressKeepsTheFilter() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String first = fixtures.partnerUser(tenant);
        String second = fixtures.partnerUser(tenant);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 800));
        Page page = context.newPage();
        signInToConsole(page, tenant.owner().email());
        page.navigate(url("/app/partners"));
        assertThat(page.getByTestId("partners").locator("tbody tr")).hasCount(2);

        String wanted = second.substring(0, second.indexOf('@'));
        page.getByLabel("Search")
                .pressSequentially(
                        wanted, new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));

        assertThat(page.getByTestId("partners").locator("tbody tr")).hasCount(1);
        assertThat(page.getByTestId("partners")).containsText(wanted);
        assertThat(page.getByTestId("partners")).not().containsText(first.substring(0, first.indexOf('@')));
        assertThat(page).hasURL(Pattern.compile(".*/app/partners\\?.*q=" + wanted + ".*"));
        // Typing on: the box keeps its focus and its text while the list below is swapped.
        assertThat(page.getByLabel("Search")).isFocused();
        assertThat(page.getByLabel("Search")).hasValue(wanted);
        screenshot(page, "lists-filter-as-you-type");

        page.reload();
        assertThat(page.getByTestId("partners").locator("tbody tr")).hasCount(1);
        context.close();
    }
}
