package dev.canopy.webhooks.web;

import dev.canopy.platform.Cursors;
import dev.canopy.platform.Pages;
import dev.canopy.webhooks.WebhookDelivery;
import dev.canopy.webhooks.WebhookEndpoint;
import dev.canopy.webhooks.WebhookEndpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Webhook endpoints",
        description = "Where Canopy sends the workspace's events, signed as Standard Webhooks (docs/webhooks.md)")
class WebhookEndpointsApi {

    record WebhookEndpointRequest(
            @Schema(description = "An http(s) URL on a public address")
            String url,

            @Nullable String description,

            @Schema(description = "The event types wanted (GET /api/v1/webhook-event-types); none or empty: all")
            @Nullable
            List<String> eventTypes) {

        WebhookEndpoints.EndpointInput input() {
            return new WebhookEndpoints.EndpointInput(url, description, eventTypes);
        }
    }

    record WebhookEndpointResponse(
            String id,
            String url,
            String description,
            List<String> eventTypes,
            boolean enabled,
            @Nullable Instant disabledAt,
            @Nullable String disabledReason,
            @Nullable Instant failingSince,
            Instant createdAt) {

        static WebhookEndpointResponse of(WebhookEndpoint e) {
            return new WebhookEndpointResponse(
                    e.id().toString(),
                    e.url(),
                    e.description(),
                    e.eventTypes(),
                    e.enabled(),
                    e.disabledAt(),
                    e.disabledReason(),
                    e.failingSince(),
                    e.createdAt());
        }
    }

    record CreatedWebhookEndpoint(WebhookEndpointResponse endpoint, String secret) {}

    record WebhookEndpointList(
            List<WebhookEndpointResponse> data, @Nullable String nextCursor) {}

    record WebhookSecret(String secret) {}

    record WebhookTestMessage(String messageId) {}

    record WebhookEventTypeList(List<String> data, @Nullable String nextCursor) {}

    record WebhookDeliveryResponse(
            String id,
            String messageId,
            String eventType,

            @Schema(allowableValues = {"pending", "delivered", "failed"})
            String status,

            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable Integer lastResponseStatus,
            @Nullable String lastError,
            Instant createdAt) {

        static WebhookDeliveryResponse of(WebhookDelivery d) {
            return new WebhookDeliveryResponse(
                    Long.toString(d.id()),
                    d.messageId(),
                    d.eventType(),
                    d.status(),
                    d.attempts(),
                    d.nextAttemptAt(),
                    d.lastStatus(),
                    d.lastError(),
                    d.createdAt());
        }
    }

    record WebhookDeliveryList(
            List<WebhookDeliveryResponse> data, @Nullable String nextCursor) {}

    record ReplayFailedRequest(Instant from, Instant to) {}

    record ReplayedCount(int replayed) {}

    private final WebhookEndpoints webhooks;

    WebhookEndpointsApi(WebhookEndpoints webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/webhook-event-types")
    @PreAuthorize("hasAuthority('webhooks:read')")
    @Operation(summary = "List the event types an endpoint can listen to")
    WebhookEventTypeList listWebhookEventTypes(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<String> page = Pages.of(webhooks.eventTypes(), type -> type, cursor, limit);
        return new WebhookEventTypeList(page.items(), page.nextCursor());
    }

    @GetMapping("/webhook-endpoints")
    @PreAuthorize("hasAuthority('webhooks:read')")
    @Operation(summary = "List webhook endpoints")
    WebhookEndpointList listWebhookEndpoints(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<WebhookEndpointResponse> page = Pages.of(
                webhooks.list().stream().map(WebhookEndpointResponse::of).toList(),
                WebhookEndpointResponse::id,
                cursor,
                limit);
        return new WebhookEndpointList(page.items(), page.nextCursor());
    }

    @PostMapping("/webhook-endpoints")
    @PreAuthorize("hasAuthority('webhooks:write')")
    @ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(
            summary = "Create a webhook endpoint",
            description = "Answers the signing secret (whsec_…) too. Honours an Idempotency-Key header.")
    ResponseEntity<CreatedWebhookEndpoint> createWebhookEndpoint(@RequestBody WebhookEndpointRequest request) {
        WebhookEndpoints.Created created = webhooks.create(request.input());
        return ResponseEntity.created(URI.create(
                        "/api/v1/webhook-endpoints/" + created.endpoint().id()))
                .body(new CreatedWebhookEndpoint(WebhookEndpointResponse.of(created.endpoint()), created.secret()));
    }

    @GetMapping("/webhook-endpoints/{id}")
    @PreAuthorize("hasAuthority('webhooks:read')")
    @Operation(summary = "Get a webhook endpoint")
    WebhookEndpointResponse getWebhookEndpoint(@PathVariable UUID id) {
        return WebhookEndpointResponse.of(webhooks.get(id));
    }

    @PutMapping("/webhook-endpoints/{id}")
    @PreAuthorize("hasAuthority('webhooks:write')")
    @Operation(summary = "Change a webhook endpoint's URL, description or event types")
    WebhookEndpointResponse updateWebhookEndpoint(@PathVariable UUID id, @RequestBody WebhookEndpointRequest request) {
        return WebhookEndpointResponse.of(webhooks.update(id, request.input()));
    }

    @DeleteMapping("/webhook-endpoints/{id}")
    @PreAuthorize("hasAuthority('webhooks:write')")
    @ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook endpoint and its delivery log")
    void deleteWebhookEndpoint(@PathVariable UUID id) {
        webhooks.delete(id);
    }

    @PostMapping("/webhook-endpoints/{id}/disable")
    @PreAuthorize("hasAuthority('webhooks:write')")
    @Operation(summary = "Stop deliveries to an endpoint; pending ones fail and can be replayed")
    WebhookEndpointResponse disableWebhookEndpoint(@PathVariable UUID id) {
        return WebhookEndpointResponse.of(webhooks.disable(id));
    }

    @PostMapping("/webhook-endpoints/{id}/enable")
    @PreAuthorize("hasAuthority('webhooks:write')")
    @Operation(summary = "Deliver to an endpoint again")
    WebhookEndpointResponse enableWebhookEndpoint(@PathVariable UUID id) {
        return WebhookEndpointResponse.of(webhooks.enable(id));
    }

    @GetMapping("/webhook-endpoints/{id}/secret")
    @PreAuthorize("hasAuthority('webhooks:write')")
    @Operation(summary = "Get the secret a receiver verifies signatures with")
    WebhookSecret getWebhookSecret(@PathVariable UUID id) {
        return new WebhookSecret(webhooks.secret(id));
    }

    @PostMapping("/webhook-endpoints/{id}/rotate-secret")
    @PreAuthorize("hasAuthority('webhooks:write')")
    @Operation(
            summary = "Rotate the signing secret",
            description = "For 24 hours every message carries a signature by the old secret too.")
    WebhookSecret rotateWebhookSecret(@PathVariable UUID id) {
        return new WebhookSecret(webhooks.rotateSecret(id));
    }

    @PostMapping("/webhook-endpoints/{id}/test")
    @PreAuthorize("hasAuthority('webhooks:write')")
    @ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
    @Operation(summary = "Send a webhook.test event to this endpoint now")
    WebhookTestMessage sendWebhookTest(@PathVariable UUID id) {
        return new WebhookTestMessage(webhooks.sendTest(id));
    }

    @GetMapping("/webhook-endpoints/{id}/deliveries")
    @PreAuthorize("hasAuthority('webhooks:read')")
    @Operation(
            summary = "List the endpoint's deliveries, newest first, each with its latest attempt (kept 90 days)",
            description = "Cursor pagination: pass nextCursor as cursor for the next page.")
    WebhookDeliveryList listWebhookDeliveries(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(WebhookEndpoints.LOG_LIMIT) int limit) {
        List<WebhookDelivery> page = webhooks.deliveries(id, Cursors.sequence(cursor, "cursor"), limit + 1);
        return new WebhookDeliveryList(
                page.stream().limit(limit).map(WebhookDeliveryResponse::of).toList(),
                page.size() > limit ? Long.toString(page.get(limit - 1).id()) : null);
    }

    @PostMapping("/webhook-endpoints/{id}/replay-failed")
    @PreAuthorize("hasAuthority('webhooks:write')")
    @Operation(summary = "Send again every failed delivery made in [from, to)")
    ReplayedCount replayFailedWebhooks(@PathVariable UUID id, @RequestBody ReplayFailedRequest request) {
        return new ReplayedCount(webhooks.replayFailed(id, request.from(), request.to()));
    }

    @PostMapping("/webhook-deliveries/{id}/replay")
    @PreAuthorize("hasAuthority('webhooks:write')")
    @ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
    @Operation(summary = "Send one delivery again, now")
    void replayWebhookDelivery(@PathVariable long id) {
        webhooks.replay(id);
    }
}
