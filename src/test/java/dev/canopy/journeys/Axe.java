package dev.canopy.journeys;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core, which the build fetches from the npm registry into target/npm (ADR 23), run in a page: the critical and
 * serious violations of WCAG 2.2 A and AA it finds. It is loaded as an init script, which the pages' content
 * security policy (no inline script) does not apply to.
 */
final class Axe {

    private static final Path SCRIPT = Path.of("target", "npm", "node_modules", "axe-core", "axe.min.js");

    private Axe() {}

    /** Makes every page of {@code context} carry axe-core. */
    static void into(BrowserContext context) {
        if (!Files.isReadable(SCRIPT)) {
            throw new IllegalStateException("axe-core is missing at " + SCRIPT
                    + ": the build fetches it with npm (./mvnw generate-test-resources); is npm installed?");
        }
        context.addInitScript(SCRIPT);
    }

    /** "rule: what it asks — where" for each critical or serious violation on the page as it is now. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        return (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                    resultTypes: ['violations']
                  });
                  return result.violations
                    .filter(v => v.impact === 'critical' || v.impact === 'serious')
                    .map(v => v.id + ': ' + v.help + ' — '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
                }
                """);
    }
}
