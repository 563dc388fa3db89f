package dev.canopy.tracking.web;

import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.tracking.EventOutcome;
import dev.canopy.tracking.IncomingEvent;
import dev.canopy.tracking.Intake;
import dev.canopy.tracking.IntakeOutcome;
import dev.canopy.tracking.TrackingSettings;
import dev.canopy.tracking.internal.EventTimes;
import dev.canopy.tracking.internal.StripeEvents;
import dev.canopy.tracking.internal.StripeSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Stripe webhook endpoint per workspace, {@code POST /t/{workspace}/stripe}. Nothing is stored unless
 * the signature checks out; a redelivered event (Stripe retries until it gets a 2xx) changes nothing.
 */
@RestController
class StripeWebhook {

    private final Workspaces workspaces;
    private final TrackingSettings settings;
    private final Intake intake;
    private final JsonMapper json;
    private final Clock clock;

    StripeWebhook(Workspaces workspaces, TrackingSettings settings, Intake intake, JsonMapper json, Clock clock) {
        this.workspaces = workspaces;
        this.settings = settings;
        this.intake = intake;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/t/{workspace}/stripe")
    ResponseEntity<Map<String, Object>> receive(
            @PathVariable String workspace,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        Optional<WorkspaceView> target = workspaces.bySlug(workspace);
        if (target.isEmpty()) {
            return refuse(HttpStatus.NOT_FOUND, "No workspace at this address");
        }
        List<String> secrets = settings.liveStripeSecrets(target.get().id());
        if (secrets.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, "This workspace has no Stripe signing secret yet");
        }
        byte[] payload = body == null ? new byte[0] : body;
        try {
            StripeSignature.verify(payload, signature, secrets, clock.instant());
        } catch (StripeSignature.Refused e) {
            return refuse(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        JsonNode event;
        try {
            event = json.readTree(text);
        } catch (JacksonException e) {
            return refuse(HttpStatus.BAD_REQUEST, "The body is not JSON");
        }
        Optional<IncomingEvent> incoming = StripeEvents.map(event, text);
        Optional<String> badTime = incoming.flatMap(e -> EventTimes.problem(e.occurredAt(), clock.instant()));
        if (badTime.isPresent()) {
            return refuse(HttpStatus.BAD_REQUEST, "created: " + badTime.get());
        }
        if (incoming.isEmpty()) {
            return ResponseEntity.ok(Map.of(
                    "received",
                    true,
                    "outcome",
                    EventOutcome.IGNORED,
                    "explanation",
                    "Canopy does not use " + event.path("type").asString("this event")));
        }
        IntakeOutcome outcome = intake.receive(target.get().id(), incoming.get());
        return ResponseEntity.ok(Map.of(
                "received", true,
                "eventId", outcome.eventId(),
                "outcome", outcome.outcome(),
                "duplicate", outcome.duplicate(),
                "explanation", outcome.explanation()));
    }

    private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("received", false, "error", message));
    }
}
