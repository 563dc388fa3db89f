package dev.canopy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.canopy.identity.internal.DemoWorkspace;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page every person can reach, in a laptop's window (1366 px) and a phone's (390 px): it fits the window, it
 * logs no error, every request it makes succeeds, and no link on it (those in closed menus too) answers 403 to the
 * person who sees it (issue #19).
 *
 * <p>The crawl starts where each person lands, follows every same-origin link breadth first and opens each kind of
 * page (its path with ids taken out) once per person ({@link #VISITS_PER_KIND}); links to kinds already seen are
 * still requested, to check their status. Each page is opened in the laptop's window, then the window is narrowed
 * to a tablet's (768 px) and then to the phone's, as when a window is resized; on a phone the menu button must open
 * the navigation.
 *
 * <p>It runs on the demo workspace (a person per role, a partner user, data on every page) in a database of its
 * own. A screenshot of each kind of page at 390 px is left in target/screenshots/crawl/.
 */
@TestPropertySource(properties = "canopy.demo.enabled=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EveryPageFitsAPhoneAndALaptopForEveryRole extends BrowserTest {

    /** Kept low for the run time (each visit is a page load for every role); raise it to see more of each kind. */
    static final int VISITS_PER_KIND = 1;

    /** A guard against an id the kinds do not recognise, which would make the crawl endless. */
    static final int MAX_PAGES_PER_PERSON = 200;

    record Window(int width, int height) {
        @Override
        public String toString() {
            return width + "px";
        }
    }

    static final Window LAPTOP = new Window(1366, 800);
    /** Checked on the way from the laptop to the phone, at no extra page load: below the sidebar's breakpoint. */
    static final Window TABLET = new Window(768, 1024);

    static final Window PHONE = new Window(390, 844);

    /** Who crawls: a signed-in person (email and login page), or the public (no email). */
    record Visitor(String name, String email, String loginPage, List<String> start) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String SLUG = DemoWorkspace.SLUG;

    static final Visitor OWNER = new Visitor("owner", "owner@northwind.example", "/login", List.of("/app"));
    static final Visitor PARTNER_USER =
            new Visitor("partner-user", "pat@bluebird-consulting.example", "/portal/login", List.of("/portal"));

    static Stream<Visitor> staff() {
        return Stream.of(
                OWNER,
                new Visitor("admin", "admin@northwind.example", "/login", List.of("/app")),
                new Visitor("partner-manager", "partners@northwind.example", "/login", List.of("/app")),
                new Visitor("finance", "finance@northwind.example", "/login", List.of("/app")),
                new Visitor("sales", "sales@northwind.example", "/login", List.of("/app")),
                new Visitor("analyst", "analyst@northwind.example", "/login", List.of("/app")));
    }

    private static final Path DATABASES = Path.of("target", "crawl-postgres").toAbsolutePath();
    private static final Path DATABASE = DATABASES.resolve(UUID.randomUUID().toString());

    /**
     * The demo's data in a database of its own (the shared one of the other tests stays as they expect it); the
     * databases of earlier runs are deleted first.
     */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        if (Files.isDirectory(DATABASES)) {
            try (Stream<Path> files = Files.walk(DATABASES)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        registry.add("canopy.embedded-postgres.data-dir", DATABASE::toString);
    }

    /** Kinds already photographed, by any visitor. */
    private static final Set<String> photographed = new HashSet<>();

    private static boolean prepared;

    /**
     * What the demo leaves undone and a crawl cannot do by following links: a payout run awaiting approval, so
     * that a run's page is crawled; the partner user's acceptance of its programmes' terms, which every portal page
     * asks for until it is given.
     */
    private void prepareOnce() {
        if (prepared) {
            return;
        }
        prepared = true;
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, OWNER);
            page.navigate(url("/app/payouts"));
            Locator start = page.getByTestId("start-run");
            if (start.count() == 1 && start.isEnabled()) {
                start.click();
                page.waitForURL(u -> u.matches(".*/app/payouts/[0-9a-f-]{36}"));
            }
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, PARTNER_USER);
            Locator accept =
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept for my company"));
            for (int i = 0; i < 10 && accept.count() > 0; i++) {
                accept.first().click();
                page.waitForLoadState();
                page.navigate(url("/portal"));
            }
            assertThat(accept.count()).as("terms left to accept").isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("staff")
    void everyConsolePageOfARoleFits(Visitor visitor) {
        crawl(visitor);
    }

    @Test
    void everyPortalPageOfAPartnerUserFits() {
        crawl(PARTNER_USER);
    }

    @Test
    void everyPublicPageFits() {
        crawl(new Visitor(
                "public",
                null,
                null,
                List.of(
                        "/",
                        "/login",
                        "/portal/login",
                        "/signup",
                        "/programs/" + SLUG,
                        "/directory/" + SLUG,
                        "/p/" + SLUG + "/bluebird-consulting")));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final Pattern UUID_SEGMENT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DOWNLOAD =
            Pattern.compile(".*\\.(csv|pdf|png|svg|jpg|jpeg|gif|zip|json|js|txt|xml)$", Pattern.CASE_INSENSITIVE);

    /** A page's kind: its path with ids (uuids, numbers, anything with a digit, tokens) taken out. */
    static String kind(String pathAndQuery) {
        String path = pathAndQuery.replaceFirst("[?#].*", "");
        StringBuilder kind = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            kind.append('/');
            if (UUID_SEGMENT.matcher(segment).matches()) {
                kind.append("{id}");
            } else if (segment.matches(".*[0-9].*") || segment.length() > 40) {
                kind.append("{n}");
            } else {
                kind.append(segment);
            }
        }
        return kind.isEmpty() ? "/" : kind.toString();
    }

    /** What happened on the page while it was open, and the requests it is still waiting for. */
    private static final class Listening {
        final List<String> errors = new ArrayList<>();
        final Set<Request> pending = new HashSet<>();

        void on(Page page, String origin) {
            // Waited for: the page's own requests. Not the favicon ("other"), which Chromium fetches on its own
            // and does not always report as finished; its failures and error statuses are still reported below.
            page.onRequest(r -> {
                if (!"other".equals(r.resourceType())) {
                    pending.add(r);
                }
            });
            page.onRequestFinished(pending::remove);
            page.onRequestFailed(r -> {
                pending.remove(r);
                errors.add("request failed: " + r.method() + " " + shorten(r.url(), origin) + " (" + r.failure() + ")");
            });
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    errors.add("request answered " + r.status() + ": "
                            + r.request().method() + " " + shorten(r.url(), origin));
                }
            });
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add("console error: " + m.text());
                }
            });
            page.onPageError(e -> errors.add("script error: " + e));
        }

        void reset() {
            errors.clear();
            pending.clear();
        }
    }

    private static String shorten(String url, String origin) {
        return url.startsWith(origin) ? url.substring(origin.length()) : url;
    }

    private void crawl(Visitor visitor) {
        prepareOnce();
        long started = System.nanoTime();
        String origin = url("");
        BrowserContext context =
                browser.newContext(new Browser.NewContextOptions().setViewportSize(LAPTOP.width(), LAPTOP.height()));
        Axe.into(context);
        Page page = context.newPage();
        Listening listening = new Listening();
        listening.on(page, origin);
        if (visitor.email() != null) {
            signIn(page, visitor);
        }

        List<String> problems = new ArrayList<>();
        Map<String, Integer> visitsPerKind = new LinkedHashMap<>();
        Map<String, Integer> statuses = new HashMap<>();
        Map<String, String> foundOn = new HashMap<>();
        Set<String> queued = new LinkedHashSet<>(visitor.start());
        Deque<String> pages = new ArrayDeque<>(visitor.start());
        int visited = 0;
        while (!pages.isEmpty()) {
            String target = pages.poll();
            String kind = kind(target);
            if (visitsPerKind.merge(kind, 1, Integer::sum) > VISITS_PER_KIND) {
                continue;
            }
            if (++visited > MAX_PAGES_PER_PERSON) {
                problems.add("the crawl stopped after " + MAX_PAGES_PER_PERSON
                        + " pages: a kind of page whose ids it does not recognise? Last: " + target);
                break;
            }
            listening.reset();
            page.setViewportSize(LAPTOP.width(), LAPTOP.height());
            Response response = page.navigate(origin + target);
            settle(page, listening, origin);
            String where = visitor + " " + target
                    + (foundOn.containsKey(target) ? " (linked from " + foundOn.get(target) + ")" : "");
            int status = response == null ? 0 : response.status();
            statuses.put(target, status);
            String type = response == null ? "" : response.headerValue("content-type");
            boolean html = type != null && type.startsWith("text/html");
            Set<String> links = new LinkedHashSet<>();
            if (html) {
                check(page, LAPTOP, kind, where, problems);
                links.addAll(links(page, origin));
                page.setViewportSize(TABLET.width(), TABLET.height());
                settle(page, listening, origin);
                check(page, TABLET, kind, where, problems);
                page.setViewportSize(PHONE.width(), PHONE.height());
                settle(page, listening, origin);
                check(page, PHONE, kind, where, problems);
                links.addAll(links(page, origin));
                if (photographed.add(kind)) {
                    screenshot(page, "crawl/" + visitor + kind.replaceAll("[^a-zA-Z0-9]+", "-"));
                }
                if (visited == 1 && visitor.email() != null) {
                    checkMenu(page, visitor, where, problems);
                }
            }
            listening.errors.stream().distinct().forEach(e -> problems.add(where + ": " + e));
            if (!page.url().startsWith(origin + target.replaceFirst("[?#].*", ""))
                    && visitor.email() != null
                    && page.url().contains("login")) {
                problems.add(where + ": sent to " + shorten(page.url(), origin) + " (signed out?)");
                break;
            }
            for (String link : links) {
                if (queued.add(link)) {
                    foundOn.put(link, target);
                    pages.add(link);
                }
            }
        }

        // Links of kinds already seen enough: not opened in the browser, but each one's status still checked.
        int probed = 0;
        for (String link : queued) {
            if (!statuses.containsKey(link)) {
                APIResponse answer = context.request().get(origin + link);
                statuses.put(link, answer.status());
                answer.dispose();
                probed++;
            }
        }
        statuses.forEach((link, status) -> {
            if (status >= 400 && foundOn.containsKey(link)) {
                problems.add(visitor + " " + foundOn.get(link) + ": its link " + link + " answers " + status);
            }
        });
        context.close();

        System.out.printf(
                Locale.ROOT,
                "Crawl as %s: %d pages of %d kinds opened at %s, %s and %s, %d more links requested, in %.1f s: %s%n",
                visitor,
                visited,
                visitsPerKind.size(),
                LAPTOP,
                TABLET,
                PHONE,
                probed,
                (System.nanoTime() - started) / 1e9,
                visitsPerKind.keySet());
        assertThat(visitsPerKind).as("kinds of page %s reached", visitor).hasSizeGreaterThan(3);
        assertThat(problems)
                .as(
                        "pages that do not fit, fail or link to a dead end for the %s:%n  %s",
                        visitor, String.join("\n  ", problems))
                .isEmpty();
    }

    private void signIn(Page page, Visitor visitor) {
        page.navigate(url(visitor.loginPage()));
        page.locator("#email").fill(visitor.email());
        page.locator("#password").fill(DemoWorkspace.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    /** On a phone the navigation hides behind the menu button, which opens it (a drawer, or the collapsed bar). */
    private static void checkMenu(Page page, Visitor visitor, String where, List<String> problems) {
        Locator navigation =
                page.locator("#console-nav .nav-link, #portal-nav .nav-link").first();
        if (navigation.isVisible()) {
            problems.add(where + " at " + PHONE + ": the navigation shows without the menu button");
            return;
        }
        page.getByTestId("open-menu").click();
        try {
            // Open once Bootstrap has finished sliding the drawer in or unfolding the bar.
            page.locator("#console-nav.show:not(.showing), #portal-nav.collapse.show")
                    .waitFor(new Locator.WaitForOptions().setTimeout(3_000));
            navigation.waitFor(new Locator.WaitForOptions().setTimeout(1_000));
        } catch (PlaywrightException e) {
            problems.add(where + " at " + PHONE + ": the menu button does not open the navigation");
            return;
        }
        check(page, PHONE, "menu of " + visitor, where + " with its menu open", problems);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", "crawl", visitor + "-menu-open.png")));
    }

    /**
     * Waits until the page's own requests (htmx fragments, chart data) are answered and two frames are drawn; a
     * request still unanswered after {@value #PATIENCE_MS} ms counts as failed.
     */
    private static void settle(Page page, Listening listening, String origin) {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        while (!listening.pending.isEmpty() && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(25);
        }
        listening.pending.forEach(r -> listening.errors.add(
                "request unanswered after " + PATIENCE_MS + " ms: " + r.method() + " " + shorten(r.url(), origin)));
        listening.pending.clear();
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    }

    /** Generous: the first request for the API document builds it, which takes seconds on a busy machine. */
    static final int PATIENCE_MS = 20_000;

    /**
     * The same-origin pages the page links to, downloads and signing out left aside, and the links inside an email
     * the mail sink shows (one-time tokens, which the demo's partner user has used already).
     */
    @SuppressWarnings("unchecked")
    private static List<String> links(Page page, String origin) {
        List<String> hrefs = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('a[href]'))"
                + ".filter(a => !a.hasAttribute('download') && a.dataset.testid !== 'mail-link').map(a => a.href)");
        List<String> links = new ArrayList<>();
        for (String href : hrefs) {
            if (!href.startsWith(origin + "/")) {
                continue;
            }
            String link = href.substring(origin.length()).replaceFirst("#.*", "");
            String path = URI.create(link).getPath();
            if (path.endsWith("/logout") || DOWNLOAD.matcher(path).matches()) {
                continue;
            }
            links.add(link);
        }
        return links;
    }

    /** The kinds of page (per window) axe-core has read: each once, whoever reached it, as its markup is the same. */
    private static final Set<String> axed = ConcurrentHashMap.newKeySet();

    /**
     * The page's checks in one window: it is no wider than the window and, at a laptop's and a phone's width, has no
     * critical or serious axe-core violation.
     */
    private static void check(Page page, Window window, String kind, String where, List<String> problems) {
        // Swagger UI (/api/docs) is springdoc's page, not Canopy's markup: its accessibility is upstream's to mend.
        if (window != TABLET && !kind.startsWith("/api/") && axed.add(kind + " " + window)) {
            for (String violation : Axe.seriousViolations(page)) {
                problems.add(where + " at " + window + ": " + violation);
            }
        }
        checkWidth(page, window, where, problems);
    }

    private static void checkWidth(Page page, Window window, String where, List<String> problems) {
        @SuppressWarnings("unchecked")
        Map<String, Object> overflow = (Map<String, Object>) page.evaluate(OVERFLOW);
        if (overflow != null) {
            problems.add(where + " at " + window + ": the page is " + overflow.get("width") + " px wide; sticking out: "
                    + overflow.get("culprits"));
        }
    }

    /**
     * Null when the document fits its window; else its width and the elements that stick out past the window's
     * right edge (the innermost ones, which are the cause), leaving aside those a scrolling box clips.
     */
    private static final String OVERFLOW = """
            () => {
              const root = document.documentElement;
              const width = root.clientWidth;
              if (root.scrollWidth <= width) return null;
              const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + Array.from(e.classList).slice(0, 3).map(c => '.' + c).join('')
                + (e.dataset && e.dataset.testid ? '[data-testid=' + e.dataset.testid + ']' : '');
              const path = e => { const parts = [];
                for (let x = e; x && x !== document.body && parts.length < 4; x = x.parentElement) parts.unshift(name(x));
                return parts.join(' > '); };
              const clipped = e => { for (let x = e.parentElement; x && x !== document.body; x = x.parentElement) {
                  const o = getComputedStyle(x).overflowX;
                  if (o !== 'visible' && x.getBoundingClientRect().right <= width + 1) return true; }
                return false; };
              const out = Array.from(document.body.querySelectorAll('*')).filter(e => {
                const r = e.getBoundingClientRect();
                return r.width > 0 && r.right > width + 1 && !clipped(e); });
              const inner = out.filter(e => !out.some(o => o !== e && e.contains(o)))
                .map(e => e.closest('table') || e).filter((e, i, all) => all.indexOf(e) === i);
              let culprits = inner.slice(0, 3).map(e => path(e) + ' (right edge at '
                + Math.round(e.getBoundingClientRect().right) + ' px: "' + (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '")');
              if (culprits.length === 0) {
                culprits = Array.from(document.body.querySelectorAll('*'))
                  .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'
                    && e.getBoundingClientRect().left + e.scrollWidth > width + 1)
                  .slice(-3).map(e => path(e) + ' (its content is ' + e.scrollWidth + ' px wide: "'
                    + (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '")');
              }
              return { width: root.scrollWidth, culprits: culprits.join('; ') };
            }
            """;
}
