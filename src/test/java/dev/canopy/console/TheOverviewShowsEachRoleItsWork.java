package dev.canopy.console;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.canopy.commissions.CommissionPlans;
import dev.canopy.commissions.RuleDraft;
import dev.canopy.deals.DealFixtures;
import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.payouts.PayoutFixtures;
import dev.canopy.payouts.PayoutRunView;
import dev.canopy.payouts.PayoutRuns;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.TrackingSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console's home shows each role the work waiting for it, the last 30 days against the 30 before, and the set-up
 * steps its role can take, each ticked from the workspace's real state.
 */
@CanopyTest
class TheOverviewShowsEachRoleItsWork {

    private static final Instant NOON = Instant.parse("2026-11-18T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Programs programs;

    @Autowired
    CommissionPlans plans;

    @Autowired
    TrackingSettings settings;

    @Autowired
    PayoutRuns runs;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String home(VendorUser user) throws Exception {
        return mvc.perform(get("/app").with(signedIn(user)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Each step's title and whether it is done, in order. */
    private static List<String> steps(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(
                        "data-testid=\"step\"\\s+data-done=\"(true|false)\">.*?<span>([^<]+)</span>", Pattern.DOTALL)
                .matcher(html);
        while (m.find()) {
            found.add(m.group(2) + (m.group(1).equals("true") ? " ✓" : ""));
        }
        return found;
    }

    @Test
    void aNewWorkspacesOwnerIsWalkedThroughWhatAProgrammeNeedsUntilItIsSetUp() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        assertThat(steps(home(tenant.owner())))
                .containsExactly(
                        "Create a programme",
                        "Track what partners bring",
                        "Add your first partner",
                        "Invite your team",
                        "Connect your systems");

        ProgramView program = new ProgramFixtures(context).program(tenant, "Resellers", PartnerType.RESELLER);
        assertThat(steps(home(tenant.owner())))
                .as("a margin of up to 30 % offered, no rule recording it")
                .containsExactly(
                        "Create a programme ✓",
                        "Set the commission plan",
                        "Make the offer of Resellers match its plan",
                        "Publish the terms",
                        "Track what partners bring",
                        "Add your first partner",
                        "Invite your team",
                        "Connect your systems");
        assertThat(home(tenant.owner()))
                .contains("The offer promises a margin of up to 30 %, but the plan records no margin on list price.");

        fixtures.as(
                tenant.owner(),
                () -> plans.addRule(
                        program.id(),
                        new RuleDraft(
                                "Reseller margin",
                                "DEAL_WON",
                                "LIST_PRICE",
                                "30",
                                null,
                                "ONCE",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                Map.of())));
        fixtures.as(tenant.owner(), () -> programs.publishTerms(program.id(), "Sell it well."));
        new TrackingFixtures(context).partner(tenant, program, "Bluebird Consulting");
        fixtures.as(tenant.owner(), () -> settings.allowDomain("acme.example"));
        fixtures.member(tenant, Role.FINANCE);
        fixtures.apiKey(tenant, ApiKeyScope.READ);

        String done = home(tenant.owner());
        assertThat(done).doesNotContain("data-testid=\"checklist\"");
    }

    @Test
    void eachRoleSeesOnlyTheStepsItCanTake() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        new ProgramFixtures(context).program(tenant, "Resellers", PartnerType.RESELLER);
        assertThat(steps(home(fixtures.member(tenant, Role.FINANCE))))
                .containsExactly("Set the commission plan", "Make the offer of Resellers match its plan");
        assertThat(steps(home(fixtures.member(tenant, Role.PARTNER_MANAGER))))
                .containsExactly(
                        "Create a programme ✓",
                        "Make the offer of Resellers match its plan",
                        "Publish the terms",
                        "Track what partners bring",
                        "Add your first partner");
        assertThat(home(fixtures.member(tenant, Role.ANALYST))).doesNotContain("data-testid=\"checklist\"");
    }

    @Test
    void workWaitsForTheRolesThatCanDoIt() throws Exception {
        clock.setTo(NOON);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        DealFixtures deals = new DealFixtures(context);
        ProgramView program = deals.program(tenant);
        DealFixtures.Member member = deals.member(tenant, program);
        deals.register(member, program, "Wide World Importers", "https://wideworld.example");
        mvc.perform(ProgramFixtures.application(
                tenant, program, "Fabrikam", Fixtures.uniqueEmail("ana"), "https://fabrikam.example"));

        VendorUser manager = fixtures.member(tenant, Role.PARTNER_MANAGER);
        String managers = home(manager);
        assertThat(managers)
                .contains("deal registration to review")
                .contains("the next is due in")
                .contains("application to review");
        String sales = home(fixtures.member(tenant, Role.SALES));
        assertThat(sales).contains("deal registration to review").doesNotContain("application to review");
        String finance = home(fixtures.member(tenant, Role.FINANCE));
        assertThat(finance)
                .doesNotContain("deal registration to review")
                .doesNotContain("application to review")
                .contains("Nothing waits for you.");

        clock.advance(Duration.ofDays(30));
        assertThat(home(manager)).contains("1 past the review clock").contains("text-bg-danger");
    }

    @Test
    void aPayoutRunWaitsForItsApproversOnly() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        PayoutFixtures payouts = new PayoutFixtures(context);
        ProgramView program = payouts.referralProgramme(tenant, "USD");
        DealFixtures.Member partner = payouts.bankPartner(tenant, program, PayoutFixtures.IBANS.get(0));
        // 15 % of 1,000,000 USD: above the 10,000 USD from which two people approve a run.
        payouts.approvedCommission(tenant, program, partner.id(), "1000000", "USD");
        // Who starts a run by hand gives its first approval.
        PayoutRunView run = fixtures.as(tenant.owner(), runs::start);
        VendorUser finance = fixtures.member(tenant, Role.FINANCE);
        assertThat(home(finance)).contains("Payout run " + run.reference() + " waits for a second approver");
        assertThat(home(tenant.owner()))
                .contains("waits for a second approver")
                .contains("approved by you: someone else gives the second approval");
        assertThat(home(finance)).contains("approved first by");
        assertThat(home(fixtures.member(tenant, Role.SALES))).doesNotContain("Payout run");
    }

    @Test
    void theLastThirtyDaysAreSetAgainstTheThirtyBefore() throws Exception {
        clock.setTo(NOON);
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        // Four clicks in the last 30 days, two in the 30 before.
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            times.add(i < 4 ? NOON.minus(Duration.ofDays(i + 1)) : NOON.minus(Duration.ofDays(35 + i)));
        }
        tracking.clicksAt(setup.tenant(), setup.link(), times);

        String html = home(setup.tenant().owner());
        int clicksTile = html.indexOf(">Clicks<");
        assertThat(clicksTile).isPositive();
        String tile = html.substring(clicksTile, html.indexOf("</canvas>", clicksTile));
        assertThat(tile)
                .contains("▲ +100.0 %")
                .containsPattern(">\\s*4\\s*</div>")
                .containsPattern("30 days before:\\s*<span>2</span>");
        Matcher now = Pattern.compile("data-now=\"([^\"]*)\"").matcher(tile);
        assertThat(now.find()).isTrue();
        assertThat(now.group(1).split(",")).hasSize(30);
        assertThat(List.of(now.group(1).split(",")).stream()
                        .mapToInt(Integer::parseInt)
                        .sum())
                .isEqualTo(4);
        assertThat(home(fixtures.member(setup.tenant(), Role.SALES))).contains("data-testid=\"trend\"");
    }

    @Test
    void aPartnersPageShowsItsOwnLastThirtyDaysOnly() throws Exception {
        clock.setTo(NOON);
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setup();
        tracking.clicksAt(setup.tenant(), setup.link(), List.of(NOON.minus(Duration.ofDays(2))));
        PartnerId other = tracking.partner(setup.tenant(), setup.program(), "Northstar Systems");
        tracking.clicksAt(
                setup.tenant(),
                tracking.link(setup.tenant(), other, setup.program(), "https://www." + TrackingFixtures.SHOP),
                List.of(
                        NOON.minus(Duration.ofDays(1)),
                        NOON.minus(Duration.ofDays(3)),
                        NOON.minus(Duration.ofDays(4))));

        String page = mvc.perform(get("/app/partners/" + setup.partner())
                        .with(signedIn(setup.tenant().owner())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String performance = page.substring(page.indexOf("data-testid=\"partner-performance\""));
        assertThat(performance)
                .containsPattern("data-testid=\"trend-value\">\\s*1\\s*<")
                .contains("data-testid=\"partner-earnings\"")
                .contains("data-testid=\"partner-deals\"");
        assertThat(home(setup.tenant().owner())).containsPattern("data-testid=\"trend-value\">\\s*4\\s*<");
    }
}
