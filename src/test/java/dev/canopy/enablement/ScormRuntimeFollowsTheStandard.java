package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.canopy.testing.Chromium;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lesson page's SCORM runtime (static/js/scorm-runtime.js) in Debian's Chromium, without the application: a
 * fake portal at http://lms.test serves the player page (under the portal's content security policy), the script,
 * a SCO for the iframe, and records the commits. Set CHROMIUM_PATH when Chromium is not at /usr/bin/chromium.
 */
class ScormRuntimeFollowsTheStandard {

    private static final Path SCRIPT = Path.of("src/main/resources/static/js/scorm-runtime.js");
    private static final String COMMIT_PATH = "/portal/learning/lessons/L1/scorm";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Playwright playwright;
    static Browser browser;
    BrowserContext context;

    @BeforeAll
    static void startBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    // SCORM 1.2

    @Test
    void scorm12RefusesCallsBeforeInitializeAndASecondInitialize() {
        Lesson lesson = open(Player.scorm12());

        assertThat(lesson.outcome("LMSGetValue", "cmi.core.student_id")).containsExactly("", "301");
        assertThat(lesson.outcome("LMSSetValue", "cmi.core.lesson_location", "p1"))
                .containsExactly("false", "301");
        assertThat(lesson.outcome("LMSCommit", "")).containsExactly("false", "301");
        assertThat(lesson.outcome("LMSFinish", "")).containsExactly("false", "301");
        assertThat(lesson.outcome("LMSInitialize", "x")).containsExactly("false", "201");
        assertThat(lesson.outcome("LMSInitialize", "")).containsExactly("true", "0");
        assertThat(lesson.outcome("LMSInitialize", "")).containsExactly("false", "101");
        assertThat(lesson.call("LMSGetErrorString", "101")).isEqualTo("General exception");
    }

    @Test
    void scorm12ReadsTheLearnerFromThePageAndEnforcesAccessAndTypes() {
        Lesson lesson = open(Player.scorm12());
        lesson.call("LMSInitialize", "");

        assertThat(lesson.outcome("LMSGetValue", "cmi.core.student_id")).containsExactly(Player.LEARNER_ID, "0");
        assertThat(lesson.call("LMSGetValue", "cmi.core.student_name")).isEqualTo("Pat Doe");
        assertThat(lesson.call("LMSGetValue", "cmi.core.entry")).isEqualTo("resume");
        assertThat(lesson.call("LMSGetValue", "cmi.core.credit")).isEqualTo("credit");
        assertThat(lesson.call("LMSGetValue", "cmi.core.lesson_mode")).isEqualTo("normal");
        assertThat(lesson.call("LMSGetValue", "cmi.core.total_time")).isEqualTo("0001:02:03.00");
        assertThat(lesson.call("LMSGetValue", "cmi.core.lesson_status")).isEqualTo("incomplete");
        assertThat(lesson.call("LMSGetValue", "cmi.suspend_data")).isEqualTo("x");
        assertThat(lesson.outcome("LMSGetValue", "cmi.core.lesson_location")).containsExactly("", "0");
        assertThat(lesson.call("LMSGetValue", "cmi.core.score._children")).isEqualTo("raw,min,max");

        assertThat(lesson.outcome("LMSSetValue", "cmi.core.student_id", "someone-else"))
                .containsExactly("false", "403");
        assertThat(lesson.call("LMSGetDiagnostic", "")).contains("cmi.core.student_id");
        assertThat(lesson.call("LMSGetValue", "cmi.core.student_id")).isEqualTo(Player.LEARNER_ID);
        assertThat(lesson.outcome("LMSGetValue", "cmi.core.exit")).containsExactly("", "404");
        assertThat(lesson.outcome("LMSGetValue", "cmi.core.session_time")).containsExactly("", "404");
        assertThat(lesson.outcome("LMSSetValue", "cmi.core.lesson_status", "finished"))
                .containsExactly("false", "405");
        assertThat(lesson.outcome("LMSSetValue", "cmi.core.lesson_status", "not attempted"))
                .containsExactly("false", "405");
        assertThat(lesson.outcome("LMSSetValue", "cmi.core.score.raw", "abc")).containsExactly("false", "405");
        assertThat(lesson.outcome("LMSSetValue", "cmi.core.score.raw", "100.5")).containsExactly("false", "405");
        assertThat(lesson.outcome("LMSSetValue", "cmi.core.session_time", "1:00"))
                .containsExactly("false", "405");
        assertThat(lesson.outcome("LMSSetValue", "cmi.core.exit", "quit")).containsExactly("false", "405");
        assertThat(lesson.outcome("LMSSetValue", "cmi.core.lesson_location", "a".repeat(256)))
                .containsExactly("false", "405");
        assertThat(lesson.outcome("LMSSetValue", "cmi.core._children", "x")).containsExactly("false", "402");
        assertThat(lesson.outcome("LMSGetValue", "cmi.core.student_id._children"))
                .containsExactly("", "202");
        assertThat(lesson.outcome("LMSGetValue", "cmi.core.lesson_status._count"))
                .containsExactly("", "203");
        assertThat(lesson.outcome("LMSGetValue", "cmi.core.nickname")).containsExactly("", "201");
        assertThat(lesson.call("LMSGetValue", "cmi.core.lesson_status")).isEqualTo("incomplete");

        assertThat(lesson.outcome("LMSSetValue", "cmi.core.score.raw", "85")).containsExactly("true", "0");
        assertThat(lesson.call("LMSGetValue", "cmi.core.score.raw")).isEqualTo("85");
        assertThat(lesson.outcome("LMSSetValue", "cmi.core.session_time", "0000:05:30.5"))
                .containsExactly("true", "0");
        assertThat(lesson.call("LMSGetErrorString", "405")).isEqualTo("Incorrect data type");
    }

    @Test
    void scorm12ObjectivesAreAppendedInOrderAndInteractionsAreWriteOnly() {
        Lesson lesson = open(Player.scorm12());
        lesson.call("LMSInitialize", "");

        assertThat(lesson.call("LMSGetValue", "cmi.objectives._count")).isEqualTo("0");
        assertThat(lesson.outcome("LMSSetValue", "cmi.objectives.1.id", "obj-2"))
                .containsExactly("false", "201");
        assertThat(lesson.outcome("LMSSetValue", "cmi.objectives.0.id", "obj-1"))
                .containsExactly("true", "0");
        assertThat(lesson.outcome("LMSSetValue", "cmi.objectives.1.id", "obj-2"))
                .containsExactly("true", "0");
        assertThat(lesson.call("LMSSetValue", "cmi.objectives.1.status", "passed"))
                .isEqualTo("true");
        assertThat(lesson.call("LMSGetValue", "cmi.objectives._count")).isEqualTo("2");
        assertThat(lesson.call("LMSGetValue", "cmi.objectives.1.status")).isEqualTo("passed");
        assertThat(lesson.outcome("LMSGetValue", "cmi.objectives.2.id")).containsExactly("", "201");

        assertThat(lesson.outcome("LMSSetValue", "cmi.interactions.0.id", "q1")).containsExactly("true", "0");
        assertThat(lesson.outcome("LMSSetValue", "cmi.interactions.0.result", "wrong"))
                .containsExactly("true", "0");
        assertThat(lesson.outcome("LMSSetValue", "cmi.interactions.0.type", "essay"))
                .containsExactly("false", "405");
        assertThat(lesson.outcome("LMSGetValue", "cmi.interactions.0.id")).containsExactly("", "404");
        assertThat(lesson.call("LMSGetValue", "cmi.interactions._count")).isEqualTo("1");
    }

    @Test
    void scorm12CommitPostsTheFlatCmiWithTheCsrfHeaderAndFinishEndsTheSession() {
        Lesson lesson = open(Player.scorm12());
        lesson.call("LMSInitialize", "");
        lesson.call("LMSSetValue", "cmi.core.lesson_location", "page-3");
        lesson.call("LMSSetValue", "cmi.core.lesson_status", "finished");
        lesson.call("LMSSetValue", "cmi.core.lesson_status", "passed");
        lesson.call("LMSSetValue", "cmi.core.score.raw", "85");
        lesson.call("LMSSetValue", "cmi.core.session_time", "0000:05:30.5");
        lesson.call("LMSSetValue", "cmi.objectives.0.id", "obj-1");
        lesson.call("LMSSetValue", "cmi.interactions.0.id", "q1");

        assertThat(lesson.outcome("LMSCommit", "")).containsExactly("true", "0");
        Commit commit = lesson.awaitCommit(1);

        // The stored exit was the last session's and the student id is the page's: neither goes back.
        assertThat(commit.cmi())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "cmi.core.lesson_status", "passed",
                        "cmi.suspend_data", "x",
                        "cmi.core.lesson_location", "page-3",
                        "cmi.core.score.raw", "85",
                        "cmi.core.session_time", "0000:05:30.5",
                        "cmi.objectives.0.id", "obj-1",
                        "cmi.interactions.0.id", "q1"));
        assertThat(commit.finished()).isFalse();
        assertThat(commit.headers())
                .contains(entry("x-csrf-token", Player.CSRF_TOKEN))
                .hasEntrySatisfying("content-type", type -> assertThat(type).startsWith("application/json"));
        PlaywrightAssertions.assertThat(lesson.state()).hasText("Progress saved");

        assertThat(lesson.outcome("LMSFinish", "")).containsExactly("true", "0");
        Commit last = lesson.awaitCommit(2);
        assertThat(last.finished()).isTrue();
        assertThat(last.cmi()).isEqualTo(commit.cmi());
        PlaywrightAssertions.assertThat(lesson.state()).hasText("Lesson finished");

        assertThat(lesson.outcome("LMSGetValue", "cmi.core.lesson_status")).containsExactly("", "101");
        assertThat(lesson.outcome("LMSSetValue", "cmi.core.lesson_location", "p4"))
                .containsExactly("false", "101");
        assertThat(lesson.outcome("LMSCommit", "")).containsExactly("false", "101");
        assertThat(lesson.outcome("LMSFinish", "")).containsExactly("false", "101");
        assertThat(lesson.outcome("LMSInitialize", "")).containsExactly("false", "101");
        lesson.page.waitForTimeout(200);
        assertThat(lesson.commits).hasSize(2);
    }

    @Test
    void scorm12AFailedCommitIsShownAndTheNextCommitSendsItAgain() {
        Lesson lesson = open(Player.scorm12());
        lesson.replies.add(500);
        lesson.call("LMSInitialize", "");
        lesson.call("LMSSetValue", "cmi.core.lesson_location", "page-7");

        lesson.call("LMSCommit", "");
        Commit failed = lesson.awaitCommit(1);
        PlaywrightAssertions.assertThat(lesson.state()).hasText("Progress could not be saved; it will be retried");

        lesson.call("LMSCommit", "");
        Commit retried = lesson.awaitCommit(2);
        assertThat(retried.cmi())
                .containsEntry("cmi.core.lesson_location", "page-7")
                .isEqualTo(failed.cmi());
        PlaywrightAssertions.assertThat(lesson.state()).hasText("Progress saved");

        // Nothing new since the portal accepted it: a further commit sends nothing.
        lesson.call("LMSCommit", "");
        lesson.page.waitForTimeout(200);
        assertThat(lesson.commits).hasSize(2);
    }

    // SCORM 2004

    @Test
    void scorm2004GivesEachOutOfOrderCallItsOwnCode() {
        Lesson lesson = open(Player.scorm2004());

        assertThat(lesson.outcome("GetValue", "cmi.learner_id")).containsExactly("", "122");
        assertThat(lesson.outcome("SetValue", "cmi.location", "p1")).containsExactly("false", "132");
        assertThat(lesson.outcome("Commit", "")).containsExactly("false", "142");
        assertThat(lesson.outcome("Terminate", "")).containsExactly("false", "112");
        assertThat(lesson.outcome("Initialize", "")).containsExactly("true", "0");
        assertThat(lesson.outcome("Initialize", "")).containsExactly("false", "103");
        assertThat(lesson.outcome("Commit", "x")).containsExactly("false", "201");
        assertThat(lesson.outcome("Terminate", "")).containsExactly("true", "0");
        lesson.awaitCommit(1);

        assertThat(lesson.outcome("GetValue", "cmi.learner_id")).containsExactly("", "123");
        assertThat(lesson.outcome("SetValue", "cmi.location", "p1")).containsExactly("false", "133");
        assertThat(lesson.outcome("Commit", "")).containsExactly("false", "143");
        assertThat(lesson.outcome("Terminate", "")).containsExactly("false", "113");
        assertThat(lesson.outcome("Initialize", "")).containsExactly("false", "104");
        assertThat(lesson.call("GetErrorString", "104")).isEqualTo("Content Instance Terminated");
    }

    @Test
    void scorm2004ReadsTheLearnerFromThePageAndValidatesTheDataModel() {
        Lesson lesson = open(Player.scorm2004());
        lesson.call("Initialize", "");

        assertThat(lesson.call("GetValue", "cmi._version")).isEqualTo("1.0");
        assertThat(lesson.outcome("GetValue", "cmi.learner_id")).containsExactly(Player.LEARNER_ID, "0");
        assertThat(lesson.call("GetValue", "cmi.learner_name")).isEqualTo("Pat Doe");
        assertThat(lesson.call("GetValue", "cmi.entry")).isEqualTo("ab-initio");
        assertThat(lesson.call("GetValue", "cmi.total_time")).isEqualTo("PT0S");
        assertThat(lesson.call("GetValue", "cmi.mode")).isEqualTo("normal");
        assertThat(lesson.call("GetValue", "cmi.completion_status")).isEqualTo("unknown");
        assertThat(lesson.call("GetValue", "cmi.success_status")).isEqualTo("unknown");
        assertThat(lesson.call("GetValue", "adl.nav.request")).isEqualTo("_none_");
        assertThat(lesson.outcome("GetValue", "cmi.location")).containsExactly("", "403");
        assertThat(lesson.outcome("GetValue", "cmi.score.raw")).containsExactly("", "403");
        assertThat(lesson.outcome("GetValue", "cmi.completion_threshold")).containsExactly("", "403");

        assertThat(lesson.outcome("SetValue", "cmi.learner_id", "someone-else")).containsExactly("false", "404");
        assertThat(lesson.outcome("SetValue", "cmi._version", "2.0")).containsExactly("false", "404");
        assertThat(lesson.outcome("GetValue", "cmi.exit")).containsExactly("", "405");
        assertThat(lesson.outcome("GetValue", "cmi.session_time")).containsExactly("", "405");
        assertThat(lesson.outcome("SetValue", "cmi.completion_status", "done")).containsExactly("false", "406");
        assertThat(lesson.outcome("SetValue", "cmi.score.scaled", "abc")).containsExactly("false", "406");
        assertThat(lesson.outcome("SetValue", "cmi.score.scaled", "1.5")).containsExactly("false", "407");
        assertThat(lesson.call("GetDiagnostic", "")).contains("cmi.score.scaled");
        assertThat(lesson.outcome("SetValue", "cmi.progress_measure", "2")).containsExactly("false", "407");
        assertThat(lesson.outcome("SetValue", "cmi.session_time", "1:30")).containsExactly("false", "406");
        assertThat(lesson.outcome("SetValue", "cmi.session_time", "PT")).containsExactly("false", "406");
        assertThat(lesson.outcome("SetValue", "adl.nav.request", "jump")).containsExactly("false", "406");
        assertThat(lesson.outcome("SetValue", "cmi.nickname", "Pat")).containsExactly("false", "401");
        assertThat(lesson.outcome("GetValue", "cmi.location._children")).containsExactly("", "301");
        assertThat(lesson.outcome("GetValue", "")).containsExactly("", "301");
        assertThat(lesson.call("GetErrorString", "406")).isEqualTo("Data Model Element Type Mismatch");

        assertThat(lesson.outcome("SetValue", "cmi.location", "page-2")).containsExactly("true", "0");
        assertThat(lesson.call("GetValue", "cmi.location")).isEqualTo("page-2");
        assertThat(lesson.outcome("SetValue", "cmi.score.scaled", "-0.25")).containsExactly("true", "0");
        assertThat(lesson.outcome("SetValue", "cmi.session_time", "PT1H30M5.25S"))
                .containsExactly("true", "0");
        assertThat(lesson.outcome("SetValue", "adl.nav.request", "{target=intro}choice"))
                .containsExactly("true", "0");
        assertThat(lesson.call("GetValue", "cmi.score._children")).isEqualTo("scaled,raw,min,max");
    }

    @Test
    void scorm2004ObjectivesAndInteractionsNeedTheirIdFirstAndComeInOrder() {
        Lesson lesson = open(Player.scorm2004());
        lesson.call("Initialize", "");

        assertThat(lesson.outcome("SetValue", "cmi.objectives.0.score.raw", "5"))
                .containsExactly("false", "408");
        assertThat(lesson.outcome("SetValue", "cmi.objectives.1.id", "obj-2")).containsExactly("false", "351");
        assertThat(lesson.outcome("SetValue", "cmi.objectives.0.id", "obj-1")).containsExactly("true", "0");
        assertThat(lesson.outcome("SetValue", "cmi.objectives.1.id", "obj-1")).containsExactly("false", "351");
        assertThat(lesson.outcome("SetValue", "cmi.objectives.1.id", "obj-2")).containsExactly("true", "0");
        assertThat(lesson.outcome("SetValue", "cmi.objectives.1.score.scaled", "0.8"))
                .containsExactly("true", "0");
        assertThat(lesson.call("GetValue", "cmi.objectives._count")).isEqualTo("2");
        assertThat(lesson.call("GetValue", "cmi.objectives.1.success_status")).isEqualTo("unknown");
        assertThat(lesson.outcome("GetValue", "cmi.objectives.0.score.raw")).containsExactly("", "403");
        assertThat(lesson.outcome("GetValue", "cmi.objectives.2.id")).containsExactly("", "301");

        assertThat(lesson.outcome("SetValue", "cmi.interactions.0.learner_response", "b"))
                .containsExactly("false", "408");
        assertThat(lesson.call("SetValue", "cmi.interactions.0.id", "q1")).isEqualTo("true");
        assertThat(lesson.outcome("SetValue", "cmi.interactions.0.learner_response", "b"))
                .containsExactly("false", "408");
        assertThat(lesson.call("SetValue", "cmi.interactions.0.type", "choice")).isEqualTo("true");
        assertThat(lesson.outcome("SetValue", "cmi.interactions.0.learner_response", "b"))
                .containsExactly("true", "0");
        assertThat(lesson.call("SetValue", "cmi.interactions.0.correct_responses.0.pattern", "a"))
                .isEqualTo("true");
        assertThat(lesson.outcome("SetValue", "cmi.interactions.0.result", "maybe"))
                .containsExactly("false", "406");
        assertThat(lesson.call("GetValue", "cmi.interactions.0.learner_response"))
                .isEqualTo("b");
        assertThat(lesson.call("GetValue", "cmi.interactions.0.correct_responses._count"))
                .isEqualTo("1");
    }

    @Test
    void scorm2004CommitAndTerminatePostTheFlatCmiAndSayItInThePagesLanguage() {
        Lesson lesson = open(Player.scorm2004()
                .stored("{\"cmi.location\":\"page-1\",\"cmi.session_time\":\"PT9M\",\"cmi.learner_id\":\"forged\"}")
                .attribute("data-saved-text", "Fortschritt gespeichert")
                .attribute("data-finished-text", "Lektion abgeschlossen"));
        lesson.call("Initialize", "");
        assertThat(lesson.call("GetValue", "cmi.location")).isEqualTo("page-1");
        lesson.call("SetValue", "cmi.completion_status", "completed");
        lesson.call("SetValue", "cmi.success_status", "passed");
        lesson.call("SetValue", "cmi.score.scaled", "0.9");
        lesson.call("SetValue", "cmi.score.scaled", "9");
        lesson.call("SetValue", "cmi.suspend_data", "s=1");
        lesson.call("SetValue", "cmi.session_time", "PT2M");
        lesson.call("SetValue", "cmi.exit", "normal");

        assertThat(lesson.outcome("Commit", "")).containsExactly("true", "0");
        Commit commit = lesson.awaitCommit(1);
        assertThat(commit.cmi())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "cmi.location", "page-1",
                        "cmi.completion_status", "completed",
                        "cmi.success_status", "passed",
                        "cmi.score.scaled", "0.9",
                        "cmi.suspend_data", "s=1",
                        "cmi.session_time", "PT2M",
                        "cmi.exit", "normal"));
        assertThat(commit.finished()).isFalse();
        assertThat(commit.headers()).containsEntry("x-csrf-token", Player.CSRF_TOKEN);
        PlaywrightAssertions.assertThat(lesson.state()).hasText("Fortschritt gespeichert");

        lesson.call("SetValue", "adl.nav.request", "continue");
        assertThat(lesson.outcome("Terminate", "")).containsExactly("true", "0");
        Commit last = lesson.awaitCommit(2);
        assertThat(last.finished()).isTrue();
        assertThat(last.cmi()).containsEntry("adl.nav.request", "continue").hasSize(8);
        PlaywrightAssertions.assertThat(lesson.state()).hasText("Lektion abgeschlossen");
    }

    @Test
    void scorm2004AFailedCommitIsShownAndTheNextCommitSendsItAgain() {
        Lesson lesson = open(Player.scorm2004().attribute("data-failed-text", "Nicht gespeichert"));
        lesson.replies.add(503);
        lesson.call("Initialize", "");
        lesson.call("SetValue", "cmi.location", "page-7");

        lesson.call("Commit", "");
        lesson.awaitCommit(1);
        PlaywrightAssertions.assertThat(lesson.state()).hasText("Nicht gespeichert");

        lesson.call("SetValue", "cmi.progress_measure", "0.5");
        lesson.call("Commit", "");
        assertThat(lesson.awaitCommit(2).cmi())
                .containsExactlyInAnyOrderEntriesOf(Map.of("cmi.location", "page-7", "cmi.progress_measure", "0.5"));
        PlaywrightAssertions.assertThat(lesson.state()).hasText("Progress saved");
    }

    // Both versions

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "2004"})
    void theContentFindsTheApiBecauseTheIframeGetsItsSrcOnlyOnceItExists(String version) {
        Lesson lesson = open(version.equals("2004") ? Player.scorm2004() : Player.scorm12());

        assertThat(lesson.page.evaluate("() => window.apiWhenSrcSet")).isEqualTo("object");
        lesson.page.waitForFunction("() => window.scoSaw !== undefined");
        assertThat(lesson.page.evaluate("() => window.scoSaw"))
                .isEqualTo(
                        version.equals("2004")
                                ? "API undefined, API_1484_11 object"
                                : "API object, API_1484_11 undefined");
    }

    @Test
    void aCommitWaitsForTheOneInFlightAndThenSendsTheNewestState() {
        Lesson lesson = open(Player.scorm12());
        lesson.holdNext = true;
        lesson.call("LMSInitialize", "");
        lesson.call("LMSSetValue", "cmi.core.lesson_location", "page-1");
        lesson.call("LMSCommit", "");
        lesson.awaitCommit(1);

        lesson.call("LMSSetValue", "cmi.core.lesson_location", "page-2");
        assertThat(lesson.call("LMSCommit", "")).isEqualTo("true");
        lesson.call("LMSSetValue", "cmi.core.lesson_location", "page-3");
        lesson.call("LMSCommit", "");
        lesson.page.waitForTimeout(300);
        assertThat(lesson.commits).hasSize(1);

        lesson.held.removeFirst().fulfill(new Route.FulfillOptions().setStatus(204));
        assertThat(lesson.awaitCommit(2).cmi()).containsEntry("cmi.core.lesson_location", "page-3");
        lesson.page.waitForTimeout(300);
        assertThat(lesson.commits).hasSize(2);
    }

    @Test
    void leavingThePageSavesWhatTheContentSetAndAPageWithoutCsrfTagsSendsNoCsrfHeader() {
        Lesson lesson = open(Player.scorm2004().withoutCsrf());
        lesson.call("Initialize", "");
        lesson.call("SetValue", "cmi.suspend_data", "left-early");

        // The event a navigation away fires (Playwright cannot route the keepalive request of a real one).
        lesson.page.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: false}))");
        Commit commit = lesson.awaitCommit(1);
        assertThat(commit.cmi()).containsExactly(entry("cmi.suspend_data", "left-early"));
        assertThat(commit.finished()).isFalse();
        assertThat(commit.headers()).doesNotContainKey("x-csrf-token");
    }

    // The fake portal

    record Commit(Map<String, String> cmi, boolean finished, Map<String, String> headers) {}

    /** The player page's version, stored state and data attributes. */
    record Player(String version, String totalTime, String entry, String stored, String attributes, boolean csrf) {

        static final String LEARNER_ID = "0b9f6a3e-5d1c-4c1b-9d7e-2f3a4b5c6d7e";
        static final String CSRF_TOKEN = "token-123";

        static Player scorm12() {
            return new Player(
                    "1.2",
                    "0001:02:03.00",
                    "resume",
                    "{\"cmi.core.lesson_status\":\"incomplete\",\"cmi.suspend_data\":\"x\","
                            + "\"cmi.core.session_time\":\"0000:10:00\",\"cmi.core.exit\":\"suspend\","
                            + "\"cmi.core.student_id\":\"forged\"}",
                    "",
                    true);
        }

        static Player scorm2004() {
            return new Player("2004", "PT0S", "ab-initio", "{}", "", true);
        }

        Player stored(String json) {
            return new Player(version, totalTime, entry, json, attributes, csrf);
        }

        Player attribute(String name, String value) {
            return new Player(version, totalTime, entry, stored, attributes + " " + name + "=\"" + value + "\"", csrf);
        }

        Player withoutCsrf() {
            return new Player(version, totalTime, entry, stored, attributes, false);
        }

        String html() {
            return """
                    <!doctype html>
                    <html lang="en"><head><title>Lesson</title>%s</head><body>
                    <div id="scorm-player" data-version="%s" data-commit-url="%s" data-learner-id="%s"
                         data-learner-name="Pat Doe" data-entry="%s" data-credit="credit" data-mode="normal"
                         data-total-time="%s"%s>
                      <script type="application/json" id="scorm-cmi">%s</script>
                      <iframe id="scorm-frame" data-src="/learn/pkg/content/index.html" title="Lesson"></iframe>
                      <p id="scorm-state" aria-live="polite"></p>
                    </div>
                    <script src="/js/scorm-runtime.js"></script>
                    </body></html>
                    """.formatted(
                            csrf
                                    ? "<meta name=\"_csrf\" content=\"" + CSRF_TOKEN + "\">"
                                            + "<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">"
                                    : "",
                            version,
                            COMMIT_PATH,
                            LEARNER_ID,
                            entry,
                            totalTime,
                            attributes,
                            stored);
        }
    }

    /** The SCO says which API it found in its parent the moment it loaded. */
    private static final String SCO = """
            <!doctype html><title>SCO</title>
            <script>parent.scoSaw = 'API ' + typeof parent.API + ', API_1484_11 ' + typeof parent.API_1484_11;</script>
            """;

    /** Notes whether the API existed when the player set the iframe's src, whichever way it sets it. */
    private static final String WATCH_THE_IFRAME_SRC = """
            const api = () => typeof (window.API || window.API_1484_11);
            const src = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src');
            Object.defineProperty(HTMLIFrameElement.prototype, 'src', {
              configurable: true, get: src.get, set(value) { window.apiWhenSrcSet = api(); src.set.call(this, value); }
            });
            const setAttribute = Element.prototype.setAttribute;
            Element.prototype.setAttribute = function (name, value) {
              if (this instanceof HTMLIFrameElement && String(name).toLowerCase() === 'src') window.apiWhenSrcSet = api();
              return setAttribute.call(this, name, value);
            };
            """;

    Lesson open(Player player) {
        context = browser.newContext();
        Lesson lesson = new Lesson(context.newPage(), player.version().equals("2004") ? "API_1484_11" : "API");
        lesson.page.addInitScript(WATCH_THE_IFRAME_SRC);
        lesson.page.route("http://lms.test/**", route -> lesson.serve(route, player));
        lesson.page.navigate("http://lms.test/portal/learning/lessons/L1");
        return lesson;
    }

    static final class Lesson {

        final Page page;
        final String api;
        final List<Commit> commits = new ArrayList<>();
        /** Statuses for the next commits; 204 when empty. */
        final Deque<Integer> replies = new ArrayDeque<>();
        /** Commits left unanswered, to be fulfilled by the test. */
        final Deque<Route> held = new ArrayDeque<>();

        boolean holdNext;

        Lesson(Page page, String api) {
            this.page = page;
            this.api = api;
        }

        void serve(Route route, Player player) {
            String path = URI.create(route.request().url()).getPath();
            switch (path) {
                case "/portal/learning/lessons/L1" ->
                    route.fulfill(new Route.FulfillOptions()
                            .setContentType("text/html; charset=utf-8")
                            .setHeaders(Map.of("Content-Security-Policy", CSP))
                            .setBody(player.html()));
                case "/js/scorm-runtime.js" ->
                    route.fulfill(new Route.FulfillOptions()
                            .setContentType("text/javascript; charset=utf-8")
                            .setBody(script()));
                case "/learn/pkg/content/index.html" ->
                    route.fulfill(new Route.FulfillOptions()
                            .setContentType("text/html; charset=utf-8")
                            .setBody(SCO));
                case COMMIT_PATH -> {
                    commits.add(commit(route));
                    if (holdNext) {
                        holdNext = false;
                        held.add(route);
                    } else {
                        route.fulfill(
                                new Route.FulfillOptions().setStatus(replies.isEmpty() ? 204 : replies.removeFirst()));
                    }
                }
                case "/elsewhere" ->
                    route.fulfill(new Route.FulfillOptions()
                            .setContentType("text/html; charset=utf-8")
                            .setBody("<!doctype html><title>Elsewhere</title>"));
                default -> route.fulfill(new Route.FulfillOptions().setStatus(404));
            }
        }

        private static Commit commit(Route route) {
            assertThat(route.request().method()).isEqualTo("POST");
            Map<String, Object> body =
                    JSON.readValue(route.request().postData(), new TypeReference<Map<String, Object>>() {});
            Map<?, ?> cmi = (Map<?, ?>) body.get("cmi");
            return new Commit(
                    cmi.entrySet().stream()
                            .collect(Collectors.toMap(e -> (String) e.getKey(), e -> (String) e.getValue())),
                    (Boolean) body.get("finished"),
                    route.request().allHeaders());
        }

        private static String script() {
            try {
                return Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + SCRIPT, e);
            }
        }

        /** Calls the API the player installed; every SCORM function answers a string. */
        String call(String method, String... args) {
            return (String) page.evaluate(
                    "([api, method, args]) => window[api][method](...args)", List.of(api, method, List.of(args)));
        }

        /** The answer and the error code the API reports right after. */
        List<String> outcome(String method, String... args) {
            Object answer = page.evaluate(
                    "([api, method, args, lastError]) => [window[api][method](...args), window[api][lastError]()]",
                    List.of(api, method, List.of(args), api.equals("API") ? "LMSGetLastError" : "GetLastError"));
            return ((List<?>) answer).stream().map(String.class::cast).toList();
        }

        Commit awaitCommit(int number) {
            page.waitForCondition(() -> commits.size() >= number);
            return commits.get(number - 1);
        }

        Locator state() {
            return page.locator("#scorm-state");
        }
    }
}
