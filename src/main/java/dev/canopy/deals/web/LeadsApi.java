package dev.canopy.deals.web;

import dev.canopy.deals.LeadOffer;
import dev.canopy.deals.LeadPage;
import dev.canopy.deals.LeadQuery;
import dev.canopy.deals.LeadRoutingRules;
import dev.canopy.deals.LeadStatus;
import dev.canopy.deals.LeadView;
import dev.canopy.deals.Leads;
import dev.canopy.deals.NewLead;
import dev.canopy.deals.NewRoutingRule;
import dev.canopy.deals.RoutingRule;
import dev.canopy.platform.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Leads", description = "Leads passed to partners by hand or by routing rules")
class LeadsApi {

    record LeadResponse(
            String id,
            String accountName,
            @Nullable String domain,
            String contactName,
            String contactEmail,
            @Nullable String region,
            @Nullable String notes,
            LeadStatus status,
            @Nullable String partnerId,
            @Nullable String partnerName,
            @Nullable Instant respondBy,
            Instant createdAt,
            String createdBy,
            List<LeadOffer> offers) {

        static LeadResponse of(LeadView l) {
            return new LeadResponse(
                    l.id().toString(),
                    l.accountName(),
                    l.domain(),
                    l.contactName(),
                    l.contactEmail(),
                    l.region(),
                    l.notes(),
                    l.status(),
                    l.partnerId() == null ? null : l.partnerId().toString(),
                    l.partnerName(),
                    l.respondBy(),
                    l.createdAt(),
                    l.createdBy(),
                    l.offers());
        }
    }

    record LeadList(List<LeadResponse> data, @Nullable String nextCursor) {}

    record RoutingWeightRequest(String partnerId, String weight) {}

    record RoutingRuleList(List<RoutingRule> data, @Nullable String nextCursor) {}

    private final Leads leads;
    private final LeadRoutingRules routing;

    LeadsApi(Leads leads, LeadRoutingRules routing) {
        this.leads = leads;
        this.routing = routing;
    }

    @GetMapping("/api/v1/leads")
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "List leads, newest first", description = "Filter by status; cursor pagination.")
    LeadList listLeads(
            @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        LeadPage page = leads.search(new LeadQuery(status, cursor, limit));
        return new LeadList(page.leads().stream().map(LeadResponse::of).toList(), page.nextCursor());
    }

    @GetMapping("/api/v1/leads/{id}")
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "One lead with every offer so far")
    LeadResponse getLead(@PathVariable UUID id) {
        return LeadResponse.of(leads.get(id));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/leads")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(
            summary = "Add a lead",
            description = "With partnerId it goes to that partner; without, the routing rules choose one.")
    ResponseEntity<LeadResponse> createLead(@RequestBody NewLead lead) {
        LeadResponse created = LeadResponse.of(leads.create(lead));
        return ResponseEntity.created(URI.create("/api/v1/leads/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/lead-routing-rules")
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "The routing rules, in the order they are tried")
    RoutingRuleList listRoutingRules(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<RoutingRule> page = Pages.of(routing.rules(), r -> r.id().toString(), cursor, limit);
        return new RoutingRuleList(page.items(), page.nextCursor());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/lead-routing-rules")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(summary = "Add a routing rule at the end of the order (region, partnerType, tierId all optional)")
    ResponseEntity<RoutingRule> addRoutingRule(@RequestBody NewRoutingRule rule) {
        return ResponseEntity.created(URI.create("/api/v1/lead-routing-rules")).body(routing.addRule(rule));
    }

    @PostMapping("/api/v1/lead-routing-rules/{id}/weights")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(summary = "Set a partner's weight in a rule (0–100; 1 by default)")
    RoutingRule setRoutingWeight(@PathVariable UUID id, @RequestBody RoutingWeightRequest request) {
        return routing.setWeight(id, request.partnerId(), request.weight());
    }

    @DeleteMapping("/api/v1/lead-routing-rules/{id}")
    @PreAuthorize("hasAuthority('deals:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a routing rule")
    void removeRoutingRule(@PathVariable UUID id) {
        routing.removeRule(id);
    }
}
