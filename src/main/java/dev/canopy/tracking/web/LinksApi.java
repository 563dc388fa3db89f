package dev.canopy.tracking.web;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.tracking.LinkDraft;
import dev.canopy.tracking.LinkId;
import dev.canopy.tracking.LinkView;
import dev.canopy.tracking.Links;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
@RequestMapping("/api/v1/links")
@Tag(name = "Links", description = "Partners' tracking links and what each brought in")
class LinksApi {

    record LinkResponse(
            String id,
            String partnerId,

            @Schema(description = "The partner's ref: the events API attributes a lead or sale that names it") @Nullable
            String partnerRef,

            String programId,
            String slug,
            String url,
            String destination,
            LinkView.Utm utm,
            boolean personal,
            boolean disabled,
            Instant createdAt,
            LinkView.LinkStats stats) {

        static LinkResponse of(LinkView l) {
            return new LinkResponse(
                    l.id().toString(),
                    l.partner().value().toString(),
                    l.partnerRef(),
                    l.program().value().toString(),
                    l.slug(),
                    l.url(),
                    l.destination(),
                    l.utm(),
                    l.personal(),
                    l.disabled(),
                    l.createdAt(),
                    l.stats());
        }
    }

    record LinkList(List<LinkResponse> data, @Nullable String nextCursor) {}

    record LinkDisabledRequest(boolean disabled) {}

    private final Links links;

    LinksApi(Links links) {
        this.links = links;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('tracking:read')")
    @Operation(summary = "List links", description = "Newest first, at most 500; filter by partner, programme, text.")
    LinkList listLinks(
            @RequestParam(required = false) UUID partnerId,
            @RequestParam(required = false) UUID programId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Links.LinkPage page = links.page(
                partnerId == null ? null : new PartnerId(partnerId),
                programId == null ? null : new ProgramId(programId),
                q,
                cursor,
                limit);
        return new LinkList(page.links().stream().map(LinkResponse::of).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('tracking:read')")
    @Operation(summary = "One link")
    LinkResponse getLink(@PathVariable UUID id) {
        return LinkResponse.of(links.get(new LinkId(id)));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @PreAuthorize("hasAuthority('tracking:write')")
    @Operation(
            summary = "Create a link for a partner",
            description = "partnerId required; programId one of the partner's (default: its first); destination on "
                    + "an allowed domain; a blank slug is made up.")
    ResponseEntity<LinkResponse> createLink(@RequestBody LinkDraft draft) {
        LinkResponse created = LinkResponse.of(links.create(draft));
        return ResponseEntity.created(URI.create("/api/v1/links/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('tracking:write')")
    @Operation(summary = "Change a link's slug, destination or UTM parameters")
    LinkResponse updateLink(@PathVariable UUID id, @RequestBody LinkDraft draft) {
        return LinkResponse.of(links.update(new LinkId(id), draft));
    }

    @PostMapping("/{id}/disabled")
    @PreAuthorize("hasAuthority('tracking:write')")
    @Operation(summary = "Switch a link off or on", description = "{\"disabled\": true} answers visitors 410 Gone.")
    LinkResponse setLinkDisabled(@PathVariable UUID id, @RequestBody LinkDisabledRequest request) {
        return LinkResponse.of(links.setDisabled(new LinkId(id), request.disabled()));
    }
}
