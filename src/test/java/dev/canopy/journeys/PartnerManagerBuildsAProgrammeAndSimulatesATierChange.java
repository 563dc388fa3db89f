package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.Tiers;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A partner manager in Chromium: creates a programme, publishes its terms, shapes its application form
 * and tiers, and tries a tier change in the simulation before saving it; the public page, the inbox and
 * the partner's portal are photographed on the way.
 */
class PartnerManagerBuildsAProgrammeAndSimulatesATierChange extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Test
    void buildAProgrammeAndSeeWhoATierChangeWouldMove() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page page = browserContext.newPage();
        signInToConsole(page, tenant.owner().email());

        // An empty list says what to do.
        page.getByTestId("nav-programs").click();
        assertThat(page.getByTestId("no-programs")).containsText("Create your first programme");
        shot(page, "20-programmes-empty");

        // A reseller programme: what partners earn, in words and numbers.
        page.getByTestId("new-program").click();
        page.getByLabel("Programme name").fill("Reseller Programme");
        page.getByLabel("Reseller", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Value-added reseller").check();
        page.getByLabel("Why partner with you")
                .fill("Resell Northwind Cloud to mid-market and enterprise customers and keep a margin that grows"
                        + " with your tier. You get a dedicated partner manager, a free demo tenant and deal"
                        + " protection for 90 days.");
        page.getByLabel("Partners earn").selectOption("MARGIN");
        page.getByLabel("Rate from (%)").fill("15");
        page.getByLabel("Rate to (%)").fill("30");
        page.getByLabel("Of", new Page.GetByLabelOptions().setExact(true)).fill("of list price");
        page.getByLabel("Currency").fill("EUR");
        page.getByLabel("Co-marketing benefits")
                .fill("Joint webinars, a listing in our partner directory, MDF from Gold.");
        page.getByLabel("Training expected")
                .fill("Sales certification within 60 days; two technical certifications from Silver.");
        shot(page, "21-programme-new");
        page.getByTestId("save-program").click();
        assertThat(page.getByTestId("flash")).containsText("Reseller Programme is created");
        assertThat(page.getByTestId("page-title")).containsText("Reseller Programme");
        shot(page, "22-programme-details");

        // Terms, version 1.
        page.getByTestId("program-tabs").getByText("Terms").click();
        page.getByLabel("Terms")
                .fill("1. Margin. The partner buys at list price less its tier's margin.\n"
                        + "2. Deal registration. Registered deals are protected for 90 days.\n"
                        + "3. Brand. The partner uses Northwind Cloud's marks only as the brand guidelines allow.");
        page.getByTestId("publish-terms").click();
        assertThat(page.getByTestId("terms-versions")).containsText("Version 1");
        shot(page, "23-programme-terms");

        // The application form: questions, scoring, automatic decisions.
        page.getByTestId("program-tabs").getByText("Application form").click();
        page.getByLabel("Question", new Page.GetByLabelOptions().setExact(true))
                .fill("How many certified sellers do you have?");
        page.getByLabel("Answer type").selectOption("NUMBER");
        page.getByLabel("Required").check();
        page.getByTestId("add-question").click();
        page.getByLabel("Question", new Page.GetByLabelOptions().setExact(true))
                .fill("Which customers do you focus on?");
        page.getByLabel("Answer type").selectOption("SINGLE_CHOICE");
        page.getByLabel("Options, one per line (choice questions)").fill("Small business\nMid-market\nEnterprise");
        page.getByTestId("add-question").click();
        assertThat(page.getByTestId("questions")).containsText("Which customers do you focus on?");
        page.getByLabel("Answer is")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Enterprise"));
        page.locator("#choice-points").fill("30");
        page.locator("#choice-points").press("Enter");
        page.getByLabel("at least").fill("5");
        page.locator("#number-points").fill("40");
        page.locator("#number-points").press("Enter");
        page.locator("#type-points").fill("20");
        page.locator("#type-points").press("Enter");
        assertThat(page.getByTestId("criteria")).containsText("is at least 5");
        page.getByLabel("Approve at a score of").fill("70");
        page.getByLabel("Decline below a score of").fill("10");
        page.getByTestId("save-decisions").click();
        assertThat(page.getByTestId("flash")).containsText("Automatic decisions saved");
        shot(page, "24-programme-application-form");

        // Tiers: Registered, Silver, Gold, Platinum.
        page.getByTestId("program-tabs").getByText("Tiers").click();
        assertThat(page.getByTestId("no-tiers")).isVisible();
        addTier(page, "Registered", "15 % margin", "", "");
        addTier(page, "Silver", "20 % margin, demo tenant", "", "2");
        addTier(page, "Gold", "25 % margin, MDF", "50000", "5");
        addTier(page, "Platinum", "30 % margin, joint account planning", "250000", "15");
        assertThat(page.getByTestId("tier-ladder")).containsText("Platinum");

        // Members with metrics, placed by an evaluation.
        ProgramFixtures programs = new ProgramFixtures(context);
        ProgramView program =
                programs.as(tenant, () -> context.getBean(Programs.class).list().getFirst());
        PartnerId alder = programs.partner(tenant, "Alder Partners");
        PartnerId birch = programs.partner(tenant, "Birch Group");
        PartnerId cedar = programs.partner(tenant, "Cedar Systems");
        String patEmail = fixtures.partnerUser(tenant);
        PartnerId pat = fixtures.partnerOf(patEmail);
        programs.deals(tenant, alder, 3);
        programs.deals(tenant, birch, 7);
        programs.revenue(tenant, birch, "82000");
        programs.deals(tenant, cedar, 1);
        programs.deals(tenant, pat, 3);
        programs.revenue(tenant, pat, "21500");
        for (PartnerId partner : List.of(alder, birch, cedar, pat)) {
            programs.enrol(tenant, program.id(), partner);
        }
        programs.as(tenant, () -> context.getBean(Tiers.class).evaluate(program.id()));
        page.reload();
        shot(page, "25-programme-tiers");

        // What if Silver needed four deals? Alder would move down; with one deal, Cedar would move up.
        page.getByTestId("edit-tier-Silver").click();
        assertThat(page.getByTestId("no-movers")).isVisible();
        page.getByLabel("Deals won").fill("4");
        assertThat(page.getByTestId("mover-list")).containsText("Alder Partners");
        assertThat(page.locator("[data-direction=down]")).hasCount(2);
        shot(page, "26-tier-simulation-down");
        page.getByLabel("Deals won").fill("1");
        assertThat(page.getByTestId("mover-list")).containsText("Cedar Systems");
        assertThat(page.locator("[data-direction=up]")).hasCount(1);
        shot(page, "27-tier-simulation-up");
        page.getByTestId("save-tier").click();
        assertThat(page.getByTestId("flash")).containsText("Silver saved");
        page.getByTestId("evaluate").click();
        assertThat(page.getByTestId("flash")).containsText("1 promoted");
        page.getByTestId("program-tabs").getByText("Members").click();
        assertThat(page.getByTestId("members")).containsText("Cedar Systems");
        shot(page, "28-programme-members");

        // The public page and its form, as a prospective partner sees them.
        BrowserContext visitorContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page visitor = visitorContext.newPage();
        visitor.navigate(url("/programs/" + tenant.slug()));
        assertThat(visitor.getByTestId("public-programs")).containsText("Reseller Programme");
        shot(visitor, "29-public-programmes");
        visitor.getByText("Reseller Programme").click();
        assertThat(visitor.getByTestId("reward")).hasText("15–30 %");
        visitor.getByLabel("Company name *").fill("Juniper Solutions");
        visitor.getByLabel("Company website *").fill("juniper-solutions.example");
        visitor.getByLabel("Your name *").fill("June Park");
        visitor.getByLabel("Work email *").fill(Fixtures.uniqueEmail("june"));
        visitor.getByLabel("Reseller", new Page.GetByLabelOptions().setExact(true))
                .check();
        visitor.getByLabel("Region you sell in *").fill("EMEA");
        visitor.getByLabel("How many certified sellers do you have? *").fill("3");
        visitor.getByLabel("Mid-market").check();
        shot(visitor, "30-public-programme");
        visitor.getByTestId("apply").click();
        assertThat(visitor.getByTestId("thanks")).containsText("Thank you for applying");
        shot(visitor, "31-public-thanks");
        visitorContext.close();

        // The inbox, with the score.
        page.getByTestId("nav-applications").click();
        assertThat(page.getByTestId("applications")).containsText("Juniper Solutions");
        shot(page, "32-applications-inbox");
        page.getByText("Juniper Solutions").click();
        assertThat(page.getByTestId("score")).hasText("20");
        shot(page, "33-application");
        page.getByTestId("nav-programs").click();
        assertThat(page.getByTestId("programs")).containsText("4");
        shot(page, "36-programmes");
        browserContext.close();

        // The partner: the terms first, then its tier and progress.
        BrowserContext partnerContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page portal = partnerContext.newPage();
        portal.navigate(url("/portal/login"));
        portal.getByLabel("Email").fill(patEmail);
        portal.getByLabel("Password").fill(Fixtures.PASSWORD);
        portal.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        portal.waitForURL(Pattern.compile(".*/portal/programs/.*/terms"));
        assertThat(portal.getByTestId("terms-gate")).isVisible();
        shot(portal, "34-portal-terms");
        portal.getByTestId("accept-terms").click();
        portal.waitForURL(url("/portal/programs"));
        assertThat(portal.getByTestId("my-tier")).hasText("Silver");
        assertThat(portal.getByTestId("progress")).containsText("Progress to Gold");
        shot(portal, "35-portal-my-programmes");
        partnerContext.close();
    }

    /** A screenshot once the page's icon font and styles have loaded, so the picture is what people see. */
    private static void shot(Page page, String name) {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.evaluate("() => document.fonts.ready");
        screenshot(page, name);
    }

    private static void addTier(Page page, String name, String benefits, String revenue, String deals) {
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Benefits").fill(benefits);
        page.getByLabel(Pattern.compile("Partner-sourced revenue")).fill(revenue);
        page.getByLabel("Deals won").fill(deals);
        page.getByTestId("add-tier").click();
        assertThat(page.getByTestId("flash")).containsText(name + " added");
    }
}
