package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.imports.ImportSource;
import dev.canopy.imports.Imports;
import dev.canopy.imports.RecordKind;
import dev.canopy.imports.SampleExports;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.TrackingSettings;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An owner moves from Tolt in Chromium: uploads its four exports, reads the dry run's outcome with the refused
 * records and their reasons, imports for real; then brings the CRM's deals under the CRM's own column names, matched
 * on the columns page — on a desktop and on a phone.
 */
class VendorMovesFromAnotherPrmAndItsCrm extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    TrackingSettings tracking;

    @Autowired
    ApplicationContext context;

    @Test
    void toltExportsThenCrmDeals() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = new CommissionFixtures(context).referralProgram(tenant, "USD", 30);
        new ProgramFixtures(context).tier(tenant, program.id(), "Gold", Map.of());
        new ProgramFixtures(context).partner(tenant, "Northwind Partners");
        fixtures.as(tenant.owner(), () -> tracking.allowDomain("shop.example"));
        Map<RecordKind, Imports.Upload> exports = SampleExports.of(ImportSource.TOLT, "ana-journey", "pending");

        BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page page = browserContext.newPage();
        signInToConsole(page, tenant.owner().email());
        page.getByTestId("nav-imports").click();

        page.getByTestId("source").selectOption("TOLT");
        page.getByTestId("program").selectOption(program.id().value().toString());
        for (RecordKind kind : RecordKind.ofPrms()) {
            Imports.Upload file = exports.get(kind);
            page.getByTestId("file-" + kind.name().toLowerCase())
                    .setInputFiles(new FilePayload(file.fileName(), "text/csv", file.content()));
        }
        page.getByTestId("start-import").click();
        assertThat(page.getByTestId("import-progress")).hasAttribute("data-status", "DONE");
        page.reload();
        assertThat(page.getByTestId("created-count")).hasText("8");
        assertThat(page.getByTestId("refused-count")).hasText("4");
        assertThat(page.getByTestId("notable")).containsText("is not an email address");
        screenshot(page, "10-import-dry-run");
        page.setViewportSize(390, 844);
        screenshot(page, "10b-import-dry-run-phone");
        page.setViewportSize(1366, 900);

        page.getByTestId("confirm-import").click();
        assertThat(page.getByTestId("import-progress")).hasAttribute("data-status", "DONE");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Import from Tolt");

        page.navigate(url("/app/imports"));
        page.locator("#csv-kind").selectOption("DEALS");
        page.getByTestId("csv-program").selectOption(program.id().value().toString());
        page.getByTestId("csv-file")
                .setInputFiles(new FilePayload("crm-deals.csv", "text/csv", """
                        Opportunity ID,Reseller,Company,Domain,Buyer,Buyer Email,Deal Value,CCY,Outcome,Close Date,Registered At,Won At
                        OPP-1,Northwind Partners,Acme GmbH,acme.example,Jo Buyer,jo@acme.example,12000.00,USD,won,2026-03-31,2026-01-10,2026-03-20
                        OPP-2,Northwind Partners,Globex,globex.example,Al Buyer,al@globex.example,8000,USD,pending,2026-06-30,2026-02-01,
                        """.getBytes(StandardCharsets.UTF_8)));
        page.getByTestId("upload-csv").click();
        assertThat(page.getByTestId("column-partner")).hasValue("reseller");
        assertThat(page.getByTestId("column-contact_email")).hasValue("buyer_email");
        assertThat(page.getByTestId("column-stage")).hasValue("");
        screenshot(page, "11-import-columns");
        page.setViewportSize(390, 844);
        screenshot(page, "11b-import-columns-phone");
        page.setViewportSize(1366, 900);
        page.getByTestId("start-mapped").click();
        assertThat(page.getByTestId("import-progress")).hasAttribute("data-status", "DONE");
        page.reload();
        assertThat(page.getByTestId("created-count")).hasText("2");
        page.navigate(url("/app/imports"));
        assertThat(page.getByTestId("imports")).containsText("Your own CSV");
        screenshot(page, "12-imports");
        browserContext.close();
    }
}
