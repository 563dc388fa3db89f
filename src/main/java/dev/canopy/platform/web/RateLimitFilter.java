package dev.canopy.platform.web;

import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.ProblemResponses;
import dev.canopy.platform.ProblemType;
import dev.canopy.shared.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code canopy.api.rate-limit.per-minute} requests per API key and clock minute, on every node together
 * (ADR 21). Each answer says where the key stands in the IETF draft's fields — {@code RateLimit-Policy:
 * "per-key";q=600;w=60} and {@code RateLimit: "per-key";r=598;t=42} — and a request over the limit is a 429
 * problem with {@code Retry-After}. After Spring Security (which names the key), before idempotency (a refused
 * request claims no key).
 */
@Component
@Order(-1)
class RateLimitFilter extends OncePerRequestFilter {

    private static final String POLICY = "\"per-key\"";

    private final RateLimits limits;
    private final CurrentWorkspace currentWorkspace;
    private final Clock clock;
    private final int perMinute;

    RateLimitFilter(
            RateLimits limits,
            CurrentWorkspace currentWorkspace,
            Clock clock,
            @Value("${canopy.api.rate-limit.per-minute}") int perMinute) {
        this.limits = limits;
        this.currentWorkspace = currentWorkspace;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = currentWorkspace
                .principal()
                .map(p -> p.actor())
                .filter(actor -> actor.kind() == Actor.Kind.API_KEY)
                .map(Actor::id);
        if (key.isEmpty()) {
            chain.doFilter(request, response); // people in the console and unauthenticated calls are not metered
            return;
        }
        RateLimits.Use use = limits.count("api-key:" + key.get());
        long reset =
                Math.max(1, Duration.between(clock.instant(), use.windowEnds()).toSeconds());
        response.setHeader("RateLimit-Policy", POLICY + ";q=" + perMinute + ";w=" + RateLimits.WINDOW.toSeconds());
        response.setHeader("RateLimit", POLICY + ";r=" + Math.max(0, perMinute - use.used()) + ";t=" + reset);
        if (use.used() > perMinute) {
            response.setHeader("Retry-After", String.valueOf(reset));
            ProblemResponses.write(
                    response,
                    ProblemType.RATE_LIMITED.problem("This API key has made " + perMinute
                            + " requests this minute, its limit. Retry after " + reset + " s."));
            return;
        }
        chain.doFilter(request, response);
    }
}
