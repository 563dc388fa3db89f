package dev.canopy.isolation;

import dev.canopy.testing.Fixtures;
import java.util.List;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What one module adds to the isolation test: the records of workspace B it aims at, the requests of
 * A's that aim at them (each must answer 404 and change nothing), and where B's records must never show.
 */
interface ModuleProbes {

    /** Creates, in workspace {@code b}, what the probes aim at (some probes mix A's own records in). */
    void prepare(Fixtures.Tenant b, Attacker a);

    /** Requests with B's ids in their path, for A's staff ({@code /app}), key ({@code /api}) or partner ({@code /portal}). */
    List<Probe> probes();

    /** Text of B's records that none of A's pages and lists may contain. */
    List<String> secrets();

    /** A's console pages that list records of this module. */
    List<MockHttpServletRequestBuilder> consolePages();

    /** A's API lists of this module's records. */
    List<String> apiLists();

    /** A's portal pages of this module. */
    default List<MockHttpServletRequestBuilder> portalPages() {
        return List.of();
    }
}
