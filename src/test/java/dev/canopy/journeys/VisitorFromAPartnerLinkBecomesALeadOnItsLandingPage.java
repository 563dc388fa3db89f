package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.canopy.deals.DealFixtures;
import dev.canopy.landingpages.LandingPageTemplates;
import dev.canopy.landingpages.LandingPagesFixtures;
import dev.canopy.landingpages.Section;
import dev.canopy.landingpages.TemplateInput;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.LinkView;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.TrackingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A partner's admin turns its landing page on in the portal; a visitor follows the partner's tracking link, which
 * leads to that page, and sends its form; the lead is attributed to the partner with the link's click as evidence,
 * and the partner sees it counted. The template and the partner's words try every way to run script: no dialog
 * ever opens.
 */
class VisitorFromAPartnerLinkBecomesALeadOnItsLandingPage extends BrowserTest {

    // The vendor's pages host: Chromium resolves *.localhost to this machine and, like localhost, keeps the
    // session's secure cookie over plain http, as it would over https on the real host.
    private static final String HOST = "pages.localhost";

    private static final String HOSTILE = """
            <script>alert('script')</script><img src=x onerror="alert('img')">

            [a link](javascript:alert('link')) <iframe srcdoc="<script>alert('frame')</script>"></iframe>

            <svg onload="alert('svg')"><script>alert('svg-script')</script></svg>
            """;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    @Test
    void theLeadIsThePartnersWithTheClickItCameThrough() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        TrackingFixtures tracking = new TrackingFixtures(context);
        fixtures.as(
                tenant.owner(), () -> context.getBean(TrackingSettings.class).allowDomain(HOST));
        LandingPagesFixtures f = new LandingPagesFixtures(context, tenant);
        LandingPageTemplates templates = context.getBean(LandingPageTemplates.class);
        f.staff(() -> templates.update(
                f.template.id(),
                new TemplateInput(
                        "Cloud suite with a partner",
                        "Move to the cloud with {{partner.name}}",
                        List.of(new Section("About us", "{{partner.text}}\n\n" + HOSTILE)),
                        "Talk to {{partner.name}}")));
        DealFixtures.Member partner = f.partner();
        String partnerName = db.sql("select name from partners_partner where id = ?")
                .param(partner.id().value())
                .query(String.class)
                .single();

        // The partner's admin turns its page on.
        BrowserContext portal = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page admin = signInToPortal(portal, partner.email());
        admin.getByTestId("portal-more").click();
        admin.getByTestId("nav-landing-page").click();
        assertThat(admin.getByTestId("page-offline")).isVisible();
        admin.getByTestId("page-template").selectOption(f.template.id().toString());
        admin.getByTestId("page-enabled").check();
        admin.getByTestId("page-text").fill("We have moved **120 hospitals** to the cloud. " + HOSTILE);
        admin.getByTestId("page-email").fill("hello@partner.example");
        admin.getByTestId("save-page").click();
        assertThat(admin.getByTestId("page-live")).isVisible();
        assertThat(admin.getByTestId("page-qr").locator("svg")).hasCount(1);
        String pageUrl = admin.getByTestId("page-url").inputValue();
        String path = pageUrl.substring(pageUrl.indexOf("/p/"));
        screenshot(admin, "60-portal-landing-page");

        LinkView link = tracking.link(tenant, partner.id(), f.program, "http://" + HOST + ":" + port + path);

        // The visitor, in a person's browser (headless Chromium announces itself and is never counted).
        BrowserContext visitor = browser.newContext(
                new Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setUserAgent(
                                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36"));
        Page page = visitor.newPage();
        List<String> dialogs = new ArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        page.navigate(url("/r/" + tenant.slug() + "/" + link.slug()));
        page.waitForURL(u -> u.startsWith("http://" + HOST + ":" + port + path + "?"));
        String click = page.url().replaceFirst(".*[?&]cnp_click=([^&]+).*", "$1");
        assertThat(UUID.fromString(click)).isNotNull();
        assertThat(page.getByTestId("landing-headline")).hasText("Move to the cloud with " + partnerName);
        assertThat(page.locator("main strong")).hasText("120 hospitals");
        assertThat(page.locator("main iframe, main svg, main script")).hasCount(0);
        assertThat(page.getByTestId("lead-click")).hasValue(click);
        page.getByTestId("lead-name").fill("Kim Visitor");
        page.getByTestId("lead-email").fill("kim@kite.example");
        page.getByTestId("lead-company").fill("Kite Ltd");
        page.getByTestId("lead-message").fill("Please call me about a migration.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Talk to " + partnerName))
                .click();
        assertThat(page.getByTestId("lead-sent")).containsText(partnerName);
        screenshot(page, "61-landing-page-lead-sent");
        page.waitForTimeout(300);
        assertThat(dialogs).isEmpty();
        visitor.close();

        Map<String, Object> attribution =
                db.sql("""
                        select a.partner_id, a.signal, a.click_id, l.click_id as page_click
                        from landingpages_lead l
                        join tracking_event e on e.workspace_id = l.workspace_id
                                             and e.external_id = 'landing-page:' || l.token
                        join tracking_attribution a on a.event_id = e.id
                        where l.workspace_id = ? and l.email = 'kim@kite.example'
                        """).param(tenant.id().value()).query().singleRow();
        assertThat(attribution)
                .containsEntry("partner_id", partner.id().value())
                .containsEntry("signal", "CLICK")
                .containsEntry("click_id", UUID.fromString(click))
                .containsEntry("page_click", UUID.fromString(click));
        assertThat(db.sql("select partner_id from tracking_click where workspace_id = ? and id = ?")
                        .params(tenant.id().value(), UUID.fromString(click))
                        .query(UUID.class)
                        .single())
                .isEqualTo(partner.id().value());

        admin.reload();
        assertThat(admin.getByTestId("page-leads")).hasText("1");
        portal.close();
    }
}
