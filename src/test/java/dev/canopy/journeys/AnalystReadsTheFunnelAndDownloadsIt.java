package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An analyst (who reads everything and changes nothing) opens Analytics in Chromium: the funnel's figures and
 * charts, the definition behind a figure, a programme filter that empties the page, a partner's own view, the
 * partner table as CSV — and the same page on a phone.
 */
class AnalystReadsTheFunnelAndDownloadsIt extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    ClickTable clicks;

    @Autowired
    JdbcClient db;

    @Autowired
    MutableClock clock;

    /** The clicks are of 1–17 November 2026: the pages are read on the 18th, whatever day the suite runs as of. */
    @BeforeEach
    void onTheEighteenthOfNovember() {
        clock.setTo(Instant.parse("2026-11-18T10:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void funnelDefinitionsFiltersAndCsv() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        List<Click> batch = new ArrayList<>();
        for (int day = 1; day <= 17; day++) {
            for (int i = 0; i < day % 5 + 1; i++) {
                batch.add(new Click(
                        UUID.randomUUID(),
                        setup.tenant().id(),
                        setup.link().id().value(),
                        setup.partner().value(),
                        setup.program().id().value(),
                        Instant.parse(String.format("2026-11-%02dT09:00:00Z", day)),
                        "visitor-" + day + "-" + i,
                        "203.0.113.7",
                        "Mozilla/5.0 Firefox/140.0",
                        null,
                        null));
            }
        }
        clicks.insert(batch);
        String ref = db.sql("select ref from tracking_partner_ref where partner_id = ? limit 1")
                .param(setup.partner().value())
                .query(String.class)
                .single();
        send(
                setup,
                "lead",
                "{\"id\":\"l1\",\"customerExternalId\":\"c1\",\"partnerRef\":\"" + ref
                        + "\",\"occurredAt\":\"2026-11-10T10:00:00Z\"}");
        send(
                setup,
                "sale",
                "{\"id\":\"s1\",\"customerExternalId\":\"c1\",\"invoiceId\":\"i1\",\"amount\":\"1200.00\","
                        + "\"currency\":\"USD\",\"occurredAt\":\"2026-11-12T10:00:00Z\"}");
        VendorUser analyst = fixtures.member(setup.tenant(), Role.ANALYST);

        BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page page = browserContext.newPage();
        signInToConsole(page, analyst.email());
        page.getByTestId("nav-analytics").click();
        page.getByLabel("First day").fill("2026-11-01");
        page.getByLabel("Last day").fill("2026-11-18");
        page.getByTestId("apply-filters").click();

        // 17 days of 1 to 5 clicks: three rounds of 2+3+4+5+1, then 2+3 = 50.
        assertThat(page.getByTestId("kpi-clicks").getByTestId("value")).hasText("50");
        assertThat(page.getByTestId("kpi-leads").getByTestId("value")).hasText("1");
        assertThat(page.getByTestId("kpi-customers").getByTestId("value")).hasText("1");
        assertThat(page.getByTestId("kpi-partner-revenue").getByTestId("value")).hasText("1,200.00 USD");
        assertThat(page.getByTestId("partner-row")).hasCount(1);
        // Chart.js drew into both canvases (a drawn chart has a non-zero size and an attached instance).
        page.waitForFunction("() => window.Chart && Chart.getChart('funnel-chart') && Chart.getChart('revenue-chart')");
        screenshot(page, "80-analytics-funnel");

        // Stored straight, without the redirect: every click is unique and no bot asked.
        assertThat(page.getByTestId("kpi-clicks").getByTestId("unique-clicks")).hasText("50");
        assertThat(page.getByTestId("kpi-clicks").getByTestId("bot-share")).hasText("0.0 %");
        page.getByTestId("kpi-clicks")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Clicks"))
                .click();
        assertThat(page.getByTestId("definition-clicks")).containsText("Known bots' and crawlers' requests are never");
        page.goBack();
        page.getByTestId("kpi-clicks")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("bots"))
                .click();
        assertThat(page.getByTestId("definition-bot-share")).containsText("every request through them");
        page.goBack();

        Download csv =
                page.waitForDownload(() -> page.getByTestId("download-partners").click());
        String body = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertThat(body)
                .startsWith(
                        "Partner,Partner id,Clicks,Unique clicks,Bot requests,Leads,New customers,Revenue,Commissions,"
                                + "Currency");
        assertThat(body).contains(setup.partner().value() + ",50,50,0,1,1,1200.00,0.00,USD");

        // The link's own page shows the same clicks, per day, from the same rollup.
        page.navigate(url("/app/links/" + setup.link().id().value()));
        assertThat(page.getByTestId("clicks-30-days")).hasText("· 50");
        page.waitForFunction("() => window.Chart && Chart.getChart('clicks-chart')");
        screenshot(page, "80b-link-clicks");
        page.goBack();

        page.getByTestId("partner-row").getByRole(AriaRole.LINK).click();
        assertThat(page.getByTestId("partner-filter")).containsText("Only");
        assertThat(page.getByTestId("kpi-clicks").getByTestId("value")).hasText("50");

        page.setViewportSize(390, 844);
        page.reload();
        page.waitForFunction("() => window.Chart && Chart.getChart('funnel-chart')");
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone")
                .isTrue();
        screenshot(page, "81-analytics-funnel-phone");
        // The programme's profit and loss line: its one programme's partner revenue, nothing owed yet.
        assertThat(page.getByTestId("programme-row")).hasCount(1);
        assertThat(page.getByTestId("programme-row").getByTestId("net")).hasText("1,200.00 USD");
        page.getByTestId("programme-table")
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(java.nio.file.Path.of("target", "screenshots", "81b-programme-pnl-phone.png")));

        // Every list filters with the same bar: a choice, Filter, and Clear once something is filtered.
        page.navigate(url("/app/partners"));
        assertThat(page.getByTestId("clear-filters")).hasCount(0);
        page.getByLabel("Status").selectOption("ACTIVE");
        page.getByTestId("filter").click();
        assertThat(page.getByTestId("clear-filters")).isVisible();
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the filter bar fits a phone")
                .isTrue();
        screenshot(page, "83-partners-filtered-phone");
        page.getByTestId("clear-filters").click();
        assertThat(page.getByTestId("clear-filters")).hasCount(0);
        browserContext.close();
    }

    @Test
    void aPartnerSeesItsOwnPerformanceOnAPhone() {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        DealFixtures.Member member = new DealFixtures(context).member(setup.tenant(), setup.program());
        UUID link = tracking.link(
                        setup.tenant(), member.id(), setup.program(), "https://www." + TrackingFixtures.SHOP + "/")
                .id()
                .value();
        List<Click> batch = new ArrayList<>();
        for (int day = 1; day <= 17; day++) {
            batch.add(new Click(
                    UUID.randomUUID(),
                    setup.tenant().id(),
                    link,
                    member.id().value(),
                    setup.program().id().value(),
                    Instant.parse(String.format("2026-11-%02dT09:00:00Z", day)),
                    "visitor-" + day,
                    "203.0.113.7",
                    "Mozilla/5.0 Firefox/140.0",
                    null,
                    null));
        }
        clicks.insert(batch);

        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page portal = phone.newPage();
        portal.navigate(url("/portal/login"));
        portal.getByLabel("Email").fill(member.email());
        portal.getByLabel("Password").fill(Fixtures.PASSWORD);
        portal.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        portal.waitForURL(url("/portal"));
        // The home sums up the last 30 days the same way, with its chart, on a phone and on a desktop.
        assertThat(portal.getByTestId("home-clicks")).hasText("17");
        assertThat(portal.getByTestId("home-rank")).hasText("Top 10 %");
        portal.waitForFunction("() => window.Chart && Chart.getChart('funnel-chart')");
        assertThat((Boolean) portal.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone")
                .isTrue();
        screenshot(portal, "82a-partner-home-phone");
        portal.setViewportSize(1366, 900);
        screenshot(portal, "82c-partner-home");
        portal.setViewportSize(390, 844);
        portal.navigate(url("/portal/analytics?from=2026-11-01&to=2026-11-18"));
        assertThat(portal.getByTestId("my-clicks").getByTestId("value")).hasText("17");
        assertThat(portal.getByTestId("my-rank").getByTestId("value")).hasText("Top 10 %");
        portal.waitForFunction("() => window.Chart && Chart.getChart('funnel-chart')");
        assertThat((Boolean) portal.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone")
                .isTrue();
        screenshot(portal, "82-partner-performance-phone");
        phone.close();
    }

    /** An event sent to the running server's events API, as an integration sends it. */
    private void send(TrackingFixtures.Setup setup, String kind, String json) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/api/v1/events/" + kind)))
                                .header("Authorization", "Bearer " + setup.apiKey())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }
}
