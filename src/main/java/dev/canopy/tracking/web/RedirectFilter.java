package dev.canopy.tracking.web;

import com.google.common.hash.Hashing;
import dev.canopy.platform.ClientAddress;
import dev.canopy.tracking.internal.BotFilter;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickIds;
import dev.canopy.tracking.internal.ClickWriter;
import dev.canopy.tracking.internal.LinkCache;
import dev.canopy.tracking.internal.RecentVisitors;
import dev.canopy.tracking.internal.RedirectTarget;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The link redirect, {@code GET /r/{workspace}/{slug}}: the hottest path in Canopy. It runs before every
 * other filter (no session, no security context, no MVC dispatch), reads the link from memory, hands the
 * click to the writer's queue and answers 302, without touching PostgreSQL.
 */
public class RedirectFilter implements Filter {

    static final String PREFIX = "/r/";

    // Ad platforms' click ids: a click that carries one came from a paid ad (a fraud signal for commissions).
    private static final List<String> PAID_AD_PARAMETERS =
            List.of("gclid", "gbraid", "wbraid", "fbclid", "msclkid", "ttclid", "twclid", "li_fat_id", "dclid");

    private final LinkCache links;
    private final RecentVisitors visitors;
    private final ClickWriter writer;
    private final Clock clock;

    RedirectFilter(LinkCache links, RecentVisitors visitors, ClickWriter writer, Clock clock) {
        this.links = links;
        this.visitors = visitors;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Referrer-Policy", "no-referrer-when-downgrade");
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Optional<RedirectTarget> found = target(request);
        if (found.isEmpty()) {
            answer(response, HttpServletResponse.SC_NOT_FOUND, "This link does not exist.");
            return;
        }
        RedirectTarget target = found.get();
        if (target.disabled()) {
            answer(response, HttpServletResponse.SC_GONE, "This link is no longer active.");
            return;
        }
        UUID clickId = BotFilter.isAutomated(request) ? null : count(request, target);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target.location(request.getQueryString(), clickId));
    }

    private Optional<RedirectTarget> target(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        return links.find(
                rest.substring(0, slash).toLowerCase(Locale.ROOT),
                rest.substring(slash + 1).toLowerCase(Locale.ROOT));
    }

    /** Queues the click unless this visitor clicked the link within the hour; the click id either way. */
    private UUID count(HttpServletRequest request, RedirectTarget target) {
        long now = clock.millis();
        String address = request.getRemoteAddr();
        String agent = request.getHeader("User-Agent");
        String visitor = Hashing.sha256()
                .newHasher()
                .putString(target.workspace().value().toString(), StandardCharsets.UTF_8)
                .putString(address == null ? "" : address, StandardCharsets.UTF_8)
                .putByte((byte) 0)
                .putString(agent == null ? "" : agent, StandardCharsets.UTF_8)
                .hash()
                .toString()
                .substring(0, 32);
        UUID fresh = ClickIds.next(now);
        Optional<UUID> earlier = visitors.earlierClick(target.linkId(), visitor, fresh);
        if (earlier.isEmpty()) {
            writer.offer(new Click(
                    fresh,
                    target.workspace(),
                    target.linkId(),
                    target.partnerId(),
                    target.programId(),
                    java.time.Instant.ofEpochMilli(now),
                    visitor,
                    ClientAddress.anonymize(address),
                    cut(agent, 512),
                    cut(request.getHeader("Referer"), 1024),
                    paidAd(request)));
        }
        return earlier.orElse(fresh);
    }

    private static String paidAd(HttpServletRequest request) {
        for (String parameter : PAID_AD_PARAMETERS) {
            String value = request.getParameter(parameter);
            if (value != null && !value.isBlank()) {
                return parameter;
            }
        }
        return null;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static void answer(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
    }
}
