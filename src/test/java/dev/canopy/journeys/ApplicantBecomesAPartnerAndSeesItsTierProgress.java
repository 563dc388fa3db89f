package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.programs.ProgramDraft;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.TierDraft;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.Tiers;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Recruitment end to end in Chromium: a company applies on the public programme page, the partner
 * manager approves it, its contact sets a password from the email, accepts the terms, and sees its tier
 * and its progress to the next one.
 */
class ApplicantBecomesAPartnerAndSeesItsTierProgress extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Programs programs;

    @Autowired
    Tiers tiers;

    @Autowired
    MailSink mail;

    @Test
    void applyApproveJoinAcceptTermsAndSeeProgress() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = fixtures.as(tenant.owner(), () -> {
            ProgramView created = programs.create(new ProgramDraft(
                    "Reseller Program",
                    "resellers",
                    List.of("RESELLER", "SYSTEM_INTEGRATOR"),
                    "Resell our platform with a margin on list price.",
                    "MARGIN",
                    "15",
                    "30",
                    "list price",
                    "USD",
                    "Joint case studies.",
                    "Sales certification.",
                    "90",
                    "30",
                    "90",
                    "90",
                    true));
            programs.addQuestion(created.id(), "How many sales people will sell us?", "NUMBER", true, "");
            tiers.addTier(created.id(), new TierDraft("Registered", "Portal and collateral.", Map.of()));
            tiers.addTier(
                    created.id(),
                    new TierDraft(
                            "Silver",
                            "20 % margin.",
                            Map.of(TierMetric.PARTNER_SOURCED_REVENUE_12M, "50000", TierMetric.DEALS_WON, "2")));
            programs.publishTerms(
                    created.id(), "1. Resell at list price less your margin. 2. Never bid on our brand terms.");
            return created;
        });
        String contact = Fixtures.uniqueEmail("dana");

        // A prospect applies on the public page, without an account.
        BrowserContext prospect =
                browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 900));
        Page apply = prospect.newPage();
        apply.navigate(url("/programs/" + tenant.slug() + "/" + program.slug()));
        assertThat(apply.getByTestId("reward")).containsText("15–30 %");
        apply.getByLabel("Company name *").fill("Harbor Integrations");
        apply.getByLabel("Company website *").fill("harbor-integrations.example");
        apply.getByLabel("Your name *").fill("Dana Harbor");
        apply.getByLabel("Work email *").fill(contact);
        apply.getByLabel("System integrator").check();
        apply.getByLabel("Region you sell in *").fill("EMEA");
        apply.getByLabel("How many sales people will sell us? *").fill("4");
        screenshot(apply, "40-public-application");
        apply.getByTestId("apply").click();
        assertThat(apply.getByTestId("thanks")).isVisible();

        // The partner manager approves it from the inbox.
        BrowserContext vendor =
                browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 900));
        Page console = vendor.newPage();
        signInToConsole(console, tenant.owner().email());
        console.navigate(url("/app/applications"));
        console.getByText("Harbor Integrations").click();
        assertThat(console.getByTestId("score")).isVisible();
        screenshot(console, "41-application-to-review");
        console.getByTestId("approve").click();
        assertThat(console.getByTestId("decision")).containsText("Approved");
        vendor.close();

        // The contact sets a password from the invitation email, and must accept the terms first.
        String link = mail.messagesTo(contact).stream()
                .flatMap(m -> m.links().stream())
                .filter(l -> l.contains("/portal/join/"))
                .findFirst()
                .orElseThrow();
        apply.navigate(link);
        apply.getByLabel("Choose a password").fill(Fixtures.PASSWORD);
        apply.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enter the portal"))
                .click();
        assertThat(apply.getByTestId("terms-gate")).isVisible();
        assertThat(apply.getByTestId("terms-body")).containsText("Never bid on our brand terms");
        screenshot(apply, "42-terms-gate");
        apply.getByTestId("accept-terms").click();

        // Its tier and what it takes to reach the next one.
        apply.navigate(url("/portal/programs"));
        assertThat(apply.getByTestId("my-tier")).containsText("Registered");
        assertThat(apply.getByTestId("progress")).containsText("Progress to Silver");
        assertThat(apply.getByTestId("progress-DEALS_WON")).containsText("0");
        assertThat(apply.getByTestId("terms-accepted")).isVisible();
        screenshot(apply, "43-tier-progress");
        assertThat(apply.url()).endsWith("/portal/programs");
        prospect.close();
    }
}
