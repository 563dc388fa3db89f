package dev.canopy.tracking.internal;

import dev.canopy.platform.ClientAddress;
import dev.canopy.platform.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The link redirect, whichever server carries it (the application's own port or the dedicated redirect
 * listener): reads the link from memory, counts a person's click through the writer's queue, and says
 * where to send them. It never touches PostgreSQL.
 */
@Component
public class Redirector {

    public static final String PREFIX = "/r/";

    /** Headers every answer carries: never cached, never indexed. */
    public static final List<String[]> HEADERS =
            List.of(new String[] {"Cache-Control", "no-store"}, new String[] {"X-Robots-Tag", "noindex"}, new String[] {
                "Referrer-Policy", "no-referrer-when-downgrade"
            });

    // Ad platforms' click ids: a click that carries one came from a paid ad (a fraud signal for commissions).
    private static final List<String> PAID_AD_PARAMETERS =
            List.of("gclid", "gbraid", "wbraid", "fbclid", "msclkid", "ttclid", "twclid", "li_fat_id", "dclid");
    private static final List<String> PAID_AD_NEEDLES =
            PAID_AD_PARAMETERS.stream().map(p -> p + "=").toList();

    /** What to answer: a 302 to {@code location}, or an error status with a short message. */
    public record Answer(int status, String location, String message) {}

    /** One request as any server sees it; {@code header} looks a header up by name (null when absent). */
    public record Visit(String method, String path, String query, String clientAddress, UnaryOperator<String> header) {}

    // One digest per thread, reset by each digest(): a fresh hasher per click (a cloned digest and its buffers)
    // was a quarter of what the redirect allocated (ADR 37).
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Sha256::digest);

    private final LinkCache links;
    private final RecentVisitors visitors;
    private final ClickWriter writer;
    private final VisitTally tally;
    private final Clock clock;

    Redirector(LinkCache links, RecentVisitors visitors, ClickWriter writer, VisitTally tally, Clock clock) {
        this.links = links;
        this.visitors = visitors;
        this.writer = writer;
        this.tally = tally;
        this.clock = clock;
    }

    public Answer answer(Visit visit) {
        if (!"GET".equals(visit.method()) && !"HEAD".equals(visit.method())) {
            return new Answer(405, null, "Links answer GET and HEAD only.");
        }
        Optional<RedirectTarget> found = target(visit.path());
        if (found.isEmpty()) {
            return new Answer(404, null, "This link does not exist.");
        }
        RedirectTarget target = found.get();
        if (target.disabled()) {
            return new Answer(410, null, "This link is no longer active.");
        }
        if (BotFilter.isAutomated(visit.method(), visit.header())) {
            tally.bot(target);
            return new Answer(302, target.location(visit.query(), null), null);
        }
        return new Answer(302, target.location(visit.query(), count(visit, target)), null);
    }

    private Optional<RedirectTarget> target(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
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

    /**
     * Queues the click unless this visitor clicked the link within the hour (then it is a repeat, tallied); the click
     * id either way.
     */
    private UUID count(Visit visit, RedirectTarget target) {
        long now = clock.millis();
        String address = visit.clientAddress();
        String agent = visit.header().apply("User-Agent");
        MessageDigest sha256 = SHA_256.get();
        sha256.update(target.workspace().value().toString().getBytes(StandardCharsets.UTF_8));
        sha256.update((address == null ? "" : address).getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update((agent == null ? "" : agent).getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha256.digest();
        ByteBuffer visitorId = ByteBuffer.wrap(hash, 0, 16);
        long visitorHigh = visitorId.getLong();
        long visitorLow = visitorId.getLong();
        UUID fresh = ClickIds.next(now);
        Optional<UUID> earlier = visitors.earlierClick(target.linkId(), visitorHigh, visitorLow, fresh);
        if (earlier.isPresent()) {
            tally.repeat(target);
        } else {
            writer.offer(new Click(
                    fresh,
                    target.workspace(),
                    target.linkId(),
                    target.partnerId(),
                    target.programId(),
                    Instant.ofEpochMilli(now),
                    HexFormat.of().formatHex(hash, 0, 16),
                    ClientAddress.anonymize(address),
                    cut(agent, 512),
                    cut(visit.header().apply("Referer"), 1024),
                    paidAd(visit.query())));
        }
        return earlier.orElse(fresh);
    }

    /** The first ad-click parameter with a value in the raw query, found without parsing every parameter. */
    private static String paidAd(String query) {
        if (query == null) {
            return null;
        }
        for (int i = 0; i < PAID_AD_NEEDLES.size(); i++) {
            String needle = PAID_AD_NEEDLES.get(i);
            int at = query.indexOf(needle);
            while (at >= 0) {
                int valueAt = at + needle.length();
                if ((at == 0 || query.charAt(at - 1) == '&')
                        && valueAt < query.length()
                        && query.charAt(valueAt) != '&') {
                    return PAID_AD_PARAMETERS.get(i);
                }
                at = query.indexOf(needle, at + 1);
            }
        }
        return null;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
