package dev.canopy.tracking.web;

import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.EventSource;
import dev.canopy.tracking.Intake;
import dev.canopy.tracking.IntakeOutcome;
import dev.canopy.tracking.internal.EventInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/events")
@Tag(
        name = "Events",
        description = "Leads, sales and refunds from your systems, attributed to partners. Each event carries "
                + "your id: sending it again changes nothing and answers what was decided the first time.")
// Every operation here answers the same two ways
@ApiResponse(
        responseCode = "201",
        description = "The event was received and processed",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = IntakeOutcome.class)))
@ApiResponse(
        responseCode = "200",
        description = "The same event (by id) was received before: its first outcome, nothing done again",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = IntakeOutcome.class)))
class EventsApi {

    private final Intake intake;
    private final CurrentWorkspace currentWorkspace;
    private final JsonMapper json;
    private final Clock clock;

    EventsApi(Intake intake, CurrentWorkspace currentWorkspace, JsonMapper json, Clock clock) {
        this.intake = intake;
        this.currentWorkspace = currentWorkspace;
        this.json = json;
        this.clock = clock;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/lead", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('tracking:write')")
    @Operation(
            summary = "A sign-up (lead)",
            description = "Needs id and customerExternalId or email; clickId (the cnp_click the snippet kept), "
                    + "partnerRef or couponCode say which partner brought it.",
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = EventInput.class))))
    ResponseEntity<IntakeOutcome> recordLead(@org.springframework.web.bind.annotation.RequestBody String body) {
        return receive(ConversionKind.LEAD, body);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/sale", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('tracking:write')")
    @Operation(
            summary = "A payment (sale)",
            description = "Needs id, invoiceId, amount and currency; one sale per invoice whichever source reports it. "
                    + "recurring marks subscription payments.",
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = EventInput.class))))
    ResponseEntity<IntakeOutcome> recordSale(@org.springframework.web.bind.annotation.RequestBody String body) {
        return receive(ConversionKind.SALE, body);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/refund", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('tracking:write')")
    @Operation(
            summary = "Money given back (refund)",
            description = "Needs id, invoiceId of the sale, amount and currency. A refund that arrives before its "
                    + "sale is kept and applied when the sale arrives.",
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = EventInput.class))))
    ResponseEntity<IntakeOutcome> recordRefund(@org.springframework.web.bind.annotation.RequestBody String body) {
        return receive(ConversionKind.REFUND, body);
    }

    private ResponseEntity<IntakeOutcome> receive(ConversionKind kind, String body) {
        EventInput request;
        try {
            request = json.readValue(body, EventInput.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "Send a JSON object with the event's fields");
        }
        if (request == null) {
            throw new InvalidInputException("body", "Send a JSON object with the event's fields");
        }
        IntakeOutcome outcome =
                intake.receive(currentWorkspace.id(), request.toEvent(EventSource.API, kind, body, clock));
        return ResponseEntity.status(outcome.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(outcome);
    }
}
