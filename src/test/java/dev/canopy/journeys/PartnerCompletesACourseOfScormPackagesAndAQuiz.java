package dev.canopy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.canopy.deals.DealFixtures;
import dev.canopy.enablement.SamplePackages;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real Chromium: a partner manager builds a course of a SCORM 1.2 package, a SCORM 2004 package and a quiz for
 * one programme and publishes it; a member, on its phone, plays both packages to their end (each reports its score
 * through Canopy's runtime) and passes the quiz; the course is completed, and the partner manager sees it.
 */
class PartnerCompletesACourseOfScormPackagesAndAQuiz extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    @Test
    void bothPackagesReportTheirScoresAndTheQuizIsPassed() {
        DealFixtures f = new DealFixtures(context);
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member member = f.member(tenant, program);

        BrowserContext laptop = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 800));
        Page staff = laptop.newPage();
        signInToConsole(staff, tenant.owner().email());
        staff.getByTestId("nav-courses").click();
        assertThat(staff.getByTestId("no-courses")).isVisible();
        staff.getByTestId("new-course").click();
        staff.getByTestId("course-title").fill("Certified seller");
        staff.getByTestId("course-description").fill("Pitch, demo and price Cloud Suite.");
        staff.getByLabel(program.name()).check();
        staff.getByTestId("save-course").click();
        assertThat(staff.getByTestId("course-state")).hasText("Draft");

        addPackage(staff, "The pitch (SCORM 1.2)", SamplePackages.scorm12("The pitch"));
        addPackage(staff, "The demo (SCORM 2004)", SamplePackages.scorm2004("The demo"));
        staff.getByTestId("kind-QUIZ").click();
        // The kinds are links: fill the form only once the quiz's page has come (a loaded machine is slow to navigate).
        staff.waitForURL(Pattern.compile(".*kind=QUIZ.*"));
        staff.getByTestId("lesson-title").fill("Pricing check");
        staff.getByTestId("question-count").fill("1");
        staff.getByTestId("pass-percent").fill("100");
        staff.getByTestId("save-lesson").click();
        assertThat(staff.getByTestId("bank-too-small")).isVisible();
        staff.getByTestId("question-text").fill("Which plan includes single sign-on?");
        staff.getByTestId("choice-1").fill("Enterprise");
        staff.getByTestId("choice-2").fill("Starter");
        staff.getByTestId("correct-1").check();
        staff.getByTestId("save-question").click();
        assertThat(staff.getByTestId("question-row")).hasCount(1);
        screenshot(staff, "course-quiz-1366");
        staff.getByText("Certified seller").first().click();
        assertThat(staff.getByTestId("lesson-row")).hasCount(3);
        staff.getByTestId("publish").click();
        assertThat(staff.getByTestId("course-state")).hasText("Published");
        screenshot(staff, "course-1366");

        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page partner = signInToPortal(phone, member.email());
        partner.navigate(url("/portal/learning"));
        assertThat(partner.getByTestId("course-card")).hasCount(1);
        screenshot(partner, "learning-390");
        // The list's link: the bell's menu tells of it too ("New … : Certified seller").
        partner.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Certified seller").setExact(true))
                .click();
        partner.getByText("The pitch (SCORM 1.2)").click();
        finish(partner, "Module finished");
        screenshot(partner, "learning-scorm-390");
        partner.getByTestId("next-lesson").click();
        finish(partner, "Module finished");
        partner.getByTestId("next-lesson").click();

        partner.getByTestId("start-quiz").click();
        partner.getByLabel("Enterprise").check();
        screenshot(partner, "learning-quiz-390");
        partner.getByTestId("submit-quiz").click();
        assertThat(partner.getByTestId("attempt-result")).containsText("100");
        partner.getByTestId("back-to-quiz").click();
        partner.getByTestId("next-lesson").click();
        assertThat(partner.getByTestId("course-completed")).isVisible();
        assertThat(partner.getByTestId("lesson-status")).hasText(new String[] {"Passed", "Passed", "Passed"});
        screenshot(partner, "learning-course-390");

        assertThat(db.sql("""
                        select l.title || ' ' || p.status || ' ' || p.score from enablement_progress p
                        join enablement_lesson l on l.id = p.lesson_id
                        where l.workspace_id = ? order by l.position
                        """).param(tenant.id().value()).query(String.class).list())
                .isEqualTo(List.of(
                        "The pitch (SCORM 1.2) PASSED 85.00",
                        "The demo (SCORM 2004) PASSED 90.00",
                        "Pricing check PASSED 100.00"));
        phone.close();

        staff.reload();
        assertThat(staff.getByTestId("learner-row")).containsText(member.email());
        assertThat(staff.getByTestId("learner-row")).containsText("3 of 3");
        laptop.close();
    }

    private void addPackage(Page staff, String title, byte[] zip) {
        staff.getByTestId("kind-SCORM").click();
        staff.waitForURL(Pattern.compile(".*kind=SCORM.*"));
        staff.getByTestId("lesson-title").fill(title);
        staff.getByTestId("package").setInputFiles(new FilePayload("package.zip", "application/zip", zip));
        staff.getByTestId("save-lesson").click();
        assertThat(staff.getByTestId("lesson-row").last()).containsText(title);
    }

    /** Plays the package in the lesson's frame to its end: it shows the learner, then reports and finishes. */
    private void finish(Page partner, String finished) {
        FrameLocator frame = partner.frameLocator("#scorm-frame");
        assertThat(frame.locator("#learner")).containsText("Partner Person");
        frame.locator("#finish").click();
        assertThat(frame.locator("#status")).hasText("Finished");
        assertThat(frame.locator("#error")).hasText("0");
        assertThat(partner.getByTestId("scorm-state")).hasText(finished);
        partner.reload();
        assertThat(partner.getByTestId("lesson-status")).hasText("Passed");
    }
}
