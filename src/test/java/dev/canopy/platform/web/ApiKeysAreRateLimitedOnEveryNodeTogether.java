package dev.canopy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An API key may make {@code canopy.api.rate-limit.per-minute} requests a clock minute (5 here): each answer
 * says how many remain, the sixth is a 429 problem with Retry-After, another key is not held back, and the next
 * minute starts afresh. The count lives in PostgreSQL, so nodes count together: two counters on their own
 * connections, hammered at once, hand out every number exactly once.
 */
@CanopyTest
@TestPropertySource(properties = "canopy.api.rate-limit.per-minute=5")
class ApiKeysAreRateLimitedOnEveryNodeTogether {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    DataSource dataSource;

    private Fixtures.Tenant tenant;

    @BeforeEach
    void atTheStartOfAMinute() {
        tenant = fixtures.newWorkspace();
        clock.setTo(clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
    }

    @Test
    void theSixthRequestOfAMinuteWaitsForTheNext() throws Exception {
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ);
        for (int made = 1; made <= 5; made++) {
            MockHttpServletResponse answer = call(key);
            assertThat(answer.getStatus()).isEqualTo(200);
            assertThat(answer.getHeader("RateLimit-Policy")).isEqualTo("\"per-key\";q=5;w=60");
            assertThat(answer.getHeader("RateLimit")).startsWith("\"per-key\";r=" + (5 - made) + ";t=");
        }
        MockHttpServletResponse refused = call(key);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("urn:canopy:problem:rate-limited");
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);

        assertThat(call(fixtures.apiKey(tenant, ApiKeyScope.READ)).getStatus())
                .as("another key has its own count")
                .isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        assertThat(call(key).getStatus()).as("a new minute").isEqualTo(200);
    }

    @Test
    void twoNodesCountingAtOnceHandOutEveryNumberOnce() throws Exception {
        RateLimits one = new RateLimits(JdbcClient.create(dataSource), clock);
        RateLimits two = new RateLimits(JdbcClient.create(dataSource), clock);
        String bucket = "api-key:" + UUID.randomUUID();
        List<Future<Integer>> counted = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                RateLimits node = i % 2 == 0 ? one : two;
                counted.add(nodes.submit(() -> node.count(bucket).used()));
            }
        }
        List<Integer> numbers = new ArrayList<>();
        for (Future<Integer> used : counted) {
            numbers.add(used.get());
        }
        assertThat(numbers).doesNotHaveDuplicates().hasSize(200).allMatch(n -> n >= 1 && n <= 200);
    }

    private MockHttpServletResponse call(String key) throws Exception {
        return mvc.perform(get("/api/v1/workspace").header("Authorization", "Bearer " + key))
                .andReturn()
                .getResponse();
    }
}
