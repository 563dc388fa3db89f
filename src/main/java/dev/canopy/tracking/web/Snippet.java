package dev.canopy.tracking.web;

import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.platform.BaseUrl;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.EventSource;
import dev.canopy.tracking.Intake;
import dev.canopy.tracking.IntakeOutcome;
import dev.canopy.tracking.internal.AllowedDomainTable;
import dev.canopy.tracking.internal.Destinations;
import dev.canopy.tracking.internal.EventInput;
import dev.canopy.tracking.internal.SnippetScript;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vendor website's snippet ({@code /t/{workspace}/canopy.js}) and the lead intake it calls. Leads
 * are only taken from pages on the workspace's allowed domains (checked by Origin) and only with a click
 * id or partner ref the snippet kept; the same lead reported twice is one lead.
 */
@RestController
class Snippet {

    private final Workspaces workspaces;
    private final AllowedDomainTable domains;
    private final SnippetScript script;
    private final Intake intake;
    private final BaseUrl baseUrl;
    private final JsonMapper json;
    private final Clock clock;

    Snippet(
            Workspaces workspaces,
            AllowedDomainTable domains,
            SnippetScript script,
            Intake intake,
            BaseUrl baseUrl,
            JsonMapper json,
            Clock clock) {
        this.workspaces = workspaces;
        this.domains = domains;
        this.script = script;
        this.intake = intake;
        this.baseUrl = baseUrl;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(path = "/t/{workspace}/canopy.js", produces = "text/javascript;charset=UTF-8")
    ResponseEntity<String> script(@PathVariable String workspace) {
        Optional<WorkspaceView> found = workspaces.bySlug(workspace);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("/* no Canopy workspace here */");
        }
        WorkspaceView w = found.get();
        return ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(script.render(
                        baseUrl.link("/t/" + w.slug() + "/leads"), script.cookieDays(w.id()), domains.list(w.id())));
    }

    /** Plain text in, so the browser sends it without a CORS preflight; JSON inside. */
    @PostMapping(path = "/t/{workspace}/leads")
    ResponseEntity<Map<String, Object>> lead(
            @PathVariable String workspace,
            @RequestHeader(name = "Origin", required = false) String origin,
            @RequestBody(required = false) String body) {
        Optional<WorkspaceView> found = workspaces.bySlug(workspace);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "No workspace at this address"));
        }
        WorkspaceView w = found.get();
        if (!allowed(origin, domains.list(w.id()))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Map.of("error", "Leads are taken only from pages on the workspace's allowed domains"));
        }
        SnippetLead lead;
        try {
            lead = body == null ? null : json.readValue(body, SnippetLead.class);
        } catch (JacksonException e) {
            lead = null;
        }
        if (lead == null) {
            throw new InvalidInputException("body", "Send the lead as JSON");
        }
        IntakeOutcome outcome = intake.receive(w.id(), lead.toEvent(body, clock));
        return ResponseEntity.status(outcome.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Access-Control-Allow-Origin", origin)
                .header("Vary", "Origin")
                .body(Map.of("outcome", outcome.outcome(), "duplicate", outcome.duplicate()));
    }

    private static boolean allowed(String origin, List<String> domains) {
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            return false;
        }
        try {
            String host = URI.create(origin).getHost();
            return host != null && domains.stream().anyMatch(d -> Destinations.isOnDomain(host, d));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What the snippet sends: the click id and ref it kept, and who signed up. */
    record SnippetLead(String clickId, String partnerRef, String email, String customerId, String name) {

        dev.canopy.tracking.IncomingEvent toEvent(String payload, Clock clock) {
            if ((clickId == null || clickId.isBlank()) && (partnerRef == null || partnerRef.isBlank())) {
                throw new InvalidInputException("clickId", "A lead from the snippet needs the click id or ref it kept");
            }
            EventInput request = new EventInput(
                    // One lead per click: a click id replayed with other emails is the same lead again.
                    clickId != null
                            ? "snippet:click:" + clickId
                            : "snippet:ref:" + partnerRef + ":" + (customerId != null ? customerId : email),
                    customerId,
                    email,
                    name,
                    null,
                    clickId,
                    partnerRef,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    null);
            return request.toEvent(EventSource.SNIPPET, ConversionKind.LEAD, payload, clock);
        }
    }
}
