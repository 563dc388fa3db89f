package dev.canopy.webhooks;

import dev.canopy.audit.AuditLog;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.webhooks.internal.DeliveryTable;
import dev.canopy.webhooks.internal.Destinations;
import dev.canopy.webhooks.internal.Dispatcher;
import dev.canopy.webhooks.internal.EndpointTable;
import dev.canopy.webhooks.internal.EventTypes;
import dev.canopy.webhooks.internal.Outbox;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's webhook endpoints: where events go, their signing secrets, and the delivery log with replays.
 * Every change is audited; a URL that is not a public http(s) address is refused with the {@code url} field named.
 */
@Service
public class WebhookEndpoints {

    /** How many of an endpoint's deliveries a page of the log lists at most. */
    public static final int LOG_LIMIT = 200;

    private static final int URL_MAX = 2_000;
    private static final int DESCRIPTION_MAX = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a vendor asks for: the URL, what it is for, and the event types wanted (none: all). */
    public record EndpointInput(String url, String description, List<String> eventTypes) {}

    /** A new endpoint and its signing secret ({@code whsec_…}), which the receiver verifies with. */
    public record Created(WebhookEndpoint endpoint, String secret) {}

    private final EndpointTable endpoints;
    private final DeliveryTable deliveries;
    private final EventTypes types;
    private final Destinations destinations;
    private final Outbox outbox;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    WebhookEndpoints(
            EndpointTable endpoints,
            DeliveryTable deliveries,
            EventTypes types,
            Destinations destinations,
            Outbox outbox,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.types = types;
        this.destinations = destinations;
        this.outbox = outbox;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every event type an endpoint can listen to ({@code docs/webhooks.md}). */
    public List<String> eventTypes() {
        return types.all();
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> list() {
        return endpoints.list(workspace());
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint get(UUID id) {
        return endpoints.find(workspace(), id).orElseThrow(() -> new NotFoundException("webhook endpoint"));
    }

    @Transactional
    public Created create(EndpointInput input) {
        EndpointInput checked = checked(input);
        WebhookEndpoint endpoint = new WebhookEndpoint(
                UUID.randomUUID(),
                checked.url(),
                checked.description(),
                checked.eventTypes(),
                null,
                null,
                null,
                clock.instant());
        String secret = newSecret();
        endpoints.insert(workspace(), endpoint, secret);
        audit.record("webhook_endpoint.created", "webhook_endpoint", endpoint.id(), null, endpoint);
        return new Created(endpoint, secret);
    }

    @Transactional
    public WebhookEndpoint update(UUID id, EndpointInput input) {
        WebhookEndpoint before = get(id);
        EndpointInput checked = checked(input);
        endpoints.update(workspace(), id, checked.url(), checked.description(), checked.eventTypes(), clock.instant());
        WebhookEndpoint after = get(id);
        audit.record("webhook_endpoint.updated", "webhook_endpoint", id, before, after);
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        WebhookEndpoint before = get(id);
        endpoints.delete(workspace(), id);
        audit.record("webhook_endpoint.deleted", "webhook_endpoint", id, before, null);
    }

    /** Stops deliveries by hand; what is pending fails, and can be replayed once enabled. */
    @Transactional
    public WebhookEndpoint disable(UUID id) {
        WebhookEndpoint before = get(id);
        endpoints.disable(
                workspace(), id, "Disabled by " + currentWorkspace.actor().name(), clock.instant());
        WebhookEndpoint after = get(id);
        audit.record("webhook_endpoint.disabled", "webhook_endpoint", id, before, after);
        return after;
    }

    @Transactional
    public WebhookEndpoint enable(UUID id) {
        WebhookEndpoint before = get(id);
        endpoints.enable(workspace(), id, clock.instant());
        WebhookEndpoint after = get(id);
        audit.record("webhook_endpoint.enabled", "webhook_endpoint", id, before, after);
        return after;
    }

    /** The secret a receiver verifies with. */
    @Transactional(readOnly = true)
    public String secret(UUID id) {
        get(id);
        return endpoints.secrets(workspace(), id).orElseThrow().current();
    }

    /** A new secret; for 24 hours messages are signed with the old one too, so receivers can switch over. */
    @Transactional
    public String rotateSecret(UUID id) {
        get(id);
        String secret = newSecret();
        Instant now = clock.instant();
        endpoints.rotate(workspace(), id, secret, now.plus(Dispatcher.ROTATION_OVERLAP), now);
        audit.record("webhook_endpoint.secret_rotated", "webhook_endpoint", id, null, null);
        return secret;
    }

    /** A {@code webhook.test} message to this endpoint alone, sent at once; answers its message id. */
    @Transactional
    public String sendTest(UUID id) {
        WebhookEndpoint endpoint = get(id);
        if (!endpoint.enabled()) {
            throw new InvalidInputException("endpoint", "Enable the endpoint before sending it a test event");
        }
        return outbox.test(workspace(), endpoint);
    }

    /** The endpoint's deliveries, newest first, from before {@code before} (a delivery's id; null: the newest). */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(UUID id, Long before, int limit) {
        get(id);
        return deliveries.list(workspace(), id, before, Math.min(limit, LOG_LIMIT + 1));
    }

    /** Sends one delivery again, now. */
    @Transactional
    public void replay(long delivery) {
        if (!deliveries.replay(workspace(), delivery, clock.instant())) {
            throw new NotFoundException("webhook delivery");
        }
        audit.record("webhook_delivery.replayed", "webhook_delivery", delivery, null, null);
    }

    /** Sends one delivery to {@code endpoint} again, now; one made to another endpoint is not found. */
    @Transactional
    public void replay(UUID endpoint, long delivery) {
        if (!deliveries
                .endpointOf(workspace(), delivery)
                .filter(endpoint::equals)
                .isPresent()) {
            throw new NotFoundException("webhook delivery");
        }
        replay(delivery);
    }

    /** Sends again every failed delivery to the endpoint made in [{@code from}, {@code to}); answers how many. */
    @Transactional
    public int replayFailed(UUID id, Instant from, Instant to) {
        get(id);
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidInputException("from", "Give a time range with from before to");
        }
        int replayed = deliveries.replayFailed(workspace(), id, from, to, clock.instant());
        audit.record("webhook_endpoint.failures_replayed", "webhook_endpoint", id, null, Map.of("count", replayed));
        return replayed;
    }

    private EndpointInput checked(EndpointInput input) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        String url = input.url() == null ? "" : input.url().strip();
        String urlProblem = urlProblem(url);
        if (urlProblem != null) {
            problems.add(new InvalidInputException.FieldProblem("url", urlProblem));
        }
        String description =
                input.description() == null ? "" : input.description().strip();
        if (description.length() > DESCRIPTION_MAX) {
            problems.add(new InvalidInputException.FieldProblem(
                    "description", "Use at most " + DESCRIPTION_MAX + " characters"));
        }
        LinkedHashSet<String> wanted = new LinkedHashSet<>(input.eventTypes() == null ? List.of() : input.eventTypes());
        List<String> unknown =
                wanted.stream().filter(t -> !types.all().contains(t)).toList();
        if (!unknown.isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem(
                    "eventTypes", "No such event type: " + String.join(", ", unknown)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new EndpointInput(url, description, List.copyOf(wanted));
    }

    /**
     * Why {@code url} cannot receive webhooks, or null: an absolute http(s) URL without credentials, whose host is not
     * an address Canopy refuses. A name is checked again on every delivery, after it is resolved.
     */
    private String urlProblem(String url) {
        if (url.isEmpty()) {
            return "Enter the URL that receives the webhooks";
        }
        if (url.length() > URL_MAX) {
            return "Use at most " + URL_MAX + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "Not a URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "Use an https:// (or http://) URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "The URL has no host";
        }
        if (uri.getUserInfo() != null) {
            return "Leave user names and passwords out of the URL: verify the signature instead";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return "Webhooks cannot go to " + host + ": it is this server";
        }
        try {
            InetAddress literal =
                    InetAddress.ofLiteral(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            String refusal = destinations.refusal(literal);
            return refusal == null ? null : "Webhooks cannot go to " + refusal;
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    private static String newSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private WorkspaceId workspace() {
        return currentWorkspace.id();
    }
}
