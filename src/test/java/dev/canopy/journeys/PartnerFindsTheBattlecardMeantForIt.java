package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.canopy.deals.DealFixtures;
import dev.canopy.enablement.SampleFiles;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * In a real Chromium: a partner manager uploads a battlecard for one programme's members; a member finds it on its
 * phone by a word inside the PDF, as it types, opens it, downloads it and shares it with a customer, who downloads
 * it without an account; the vendor sees who did what. A partner outside the programme finds nothing.
 */
class PartnerFindsTheBattlecardMeantForIt extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Test
    void theMemberFindsItByAWordInsideAndTheOutsiderDoesNot() {
        DealFixtures f = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);
        DealFixtures.Member outsider = f.member(tenant, f.program(tenant));
        String word = "pangolin" + UUID.randomUUID().toString().substring(0, 6);

        BrowserContext laptop = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 800));
        Page staff = laptop.newPage();
        signInToConsole(staff, tenant.owner().email());
        staff.getByTestId("nav-content").click();
        assertThat(staff.getByTestId("no-assets")).isVisible();
        staff.getByTestId("new-file").click();
        staff.getByTestId("file")
                .setInputFiles(new FilePayload(
                        "battlecard.pdf", "application/pdf", SampleFiles.pdf("When they say cheaper: " + word)));
        staff.getByTestId("title").fill("Battlecard against Contoso");
        staff.getByTestId("folder").fill("Battlecards");
        staff.getByLabel(program.name()).check();
        screenshot(staff, "content-new-1366");
        staff.getByTestId("save-asset").click();
        assertThat(staff.getByTestId("asset-state")).hasText("Live");
        assertThat(staff.getByTestId("no-usage")).isVisible();
        screenshot(staff, "content-asset-1366");

        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page partner = signInToPortal(phone, member.email());
        partner.navigate(url("/portal/content"));
        partner.getByTestId("search").pressSequentially(word.substring(0, 8));
        assertThat(partner.getByTestId("asset-card")).hasCount(1);
        assertThat(partner.getByTestId("asset-card")).containsText("Battlecard against Contoso");
        screenshot(partner, "content-portal-search-390");
        // The list's link: the bell's menu tells of it too ("New … : Battlecard against Contoso").
        partner.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Battlecard against Contoso")
                                .setExact(true))
                .click();
        Download download =
                partner.waitForDownload(() -> partner.getByTestId("download").click());
        assertThat(download.suggestedFilename()).isEqualTo("battlecard.pdf");
        partner.getByTestId("share").click();
        String shareUrl = partner.locator("#share-url").inputValue();
        screenshot(partner, "content-portal-asset-390");
        phone.close();

        // The customer the partner sent the link to: no account, the file downloads.
        BrowserContext customer = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page prospect = customer.newPage();
        Download shared =
                prospect.waitForDownload(() -> prospect.evaluate("url => window.location.href = url", shareUrl));
        assertThat(shared.suggestedFilename()).isEqualTo("battlecard.pdf");
        customer.close();

        BrowserContext other = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page outside = signInToPortal(other, outsider.email());
        outside.navigate(url("/portal/content?q=" + word));
        assertThat(outside.getByTestId("no-assets")).isVisible();
        other.close();

        staff.reload();
        assertThat(staff.getByTestId("usage-row")).containsText(member.email());
        assertThat(staff.getByTestId("usage-row")).containsText("1");
        assertThat(staff.getByTestId("usage-row").locator("td[data-label='Shared, opened']"))
                .hasText("1");
        laptop.close();
    }
}
