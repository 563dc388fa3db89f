package dev.canopy.partners.web;

import dev.canopy.partners.Contact;
import dev.canopy.partners.NewPartner;
import dev.canopy.partners.PartnerDirectory;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerPage;
import dev.canopy.partners.PartnerProfile;
import dev.canopy.partners.PartnerRefs;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.Pages;
import dev.canopy.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "Partners", description = "Partner companies, their contacts and lifecycle")
class PartnersApi {

    record PartnerResponse(
            String id,
            String name,
            @Nullable String website,
            @Nullable String domain,
            List<String> types,
            List<String> regions,
            List<String> verticals,
            @Nullable String size,
            @Schema(implementation = PartnerStatus.class) String status,
            @Nullable String statusReason,
            Instant statusChangedAt,
            @Nullable Instant lastActivityAt,
            boolean dormant,
            Instant createdAt,

            @Schema(description = "The partner's ref, which the events API accepts; given with its first link")
            @Nullable
            String ref) {

        static PartnerResponse of(PartnerView p, @Nullable String ref) {
            return new PartnerResponse(
                    p.id().toString(),
                    p.name(),
                    p.website(),
                    p.domain(),
                    p.types().stream().map(Enum::name).sorted().toList(),
                    p.regions(),
                    p.verticals(),
                    p.size(),
                    p.status().name(),
                    p.statusReason(),
                    p.statusChangedAt(),
                    p.lastActivityAt(),
                    p.dormant(),
                    p.createdAt(),
                    ref);
        }
    }

    record PartnerList(List<PartnerResponse> data, @Nullable String nextCursor) {}

    record NewPartnerRequest(
            String name,
            @Nullable String website,
            @Nullable List<String> types,
            @Nullable List<String> regions,
            @Nullable List<String> verticals,
            @Nullable String size,
            String contactName,
            String contactEmail) {}

    record PartnerProfileRequest(
            @Nullable String name,
            @Nullable String website,
            @Nullable List<String> types,
            @Nullable List<String> regions,
            @Nullable List<String> verticals,
            @Nullable String size) {}

    record PartnerStatusRequest(
            @Schema(implementation = PartnerStatus.class) String status,
            @Nullable String reason) {}

    record NewContactRequest(
            String name,
            String email,
            @Nullable String phone,
            @Nullable String title,
            @Nullable Boolean primary) {}

    record ContactList(List<Contact> data, @Nullable String nextCursor) {}

    private final Partners partners;
    private final PartnerDirectory directory;
    private final PartnerRefs partnerRefs;

    PartnersApi(Partners partners, PartnerDirectory directory, PartnerRefs partnerRefs) {
        this.partners = partners;
        this.directory = directory;
        this.partnerRefs = partnerRefs;
    }

    private PartnerResponse response(PartnerView partner) {
        return PartnerResponse.of(
                partner, partnerRefs.refsOf(List.of(partner.id())).get(partner.id()));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('partners:read')")
    @Operation(
            summary = "List partners",
            description =
                    "Filters are optional (tier takes a tier id from GET /api/v1/programs); pass nextCursor as cursor for the next page.")
    PartnerList listPartners(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "false") boolean dormant,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PartnerSearch.MAX_LIMIT) int limit) {
        PartnerSearch search = new PartnerSearch(
                q,
                filter(PartnerType.class, "type", type),
                filter(PartnerStatus.class, "status", status),
                region,
                dormant,
                cursor,
                limit);
        PartnerPage page = partners.search(directory.atTier(search, tier));
        Map<PartnerId, String> refs =
                partnerRefs.refsOf(page.partners().stream().map(PartnerView::id).toList());
        return new PartnerList(
                page.partners().stream()
                        .map(p -> PartnerResponse.of(p, refs.get(p.id())))
                        .toList(),
                page.nextCursor());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('partners:read')")
    @Operation(summary = "One partner")
    PartnerResponse getPartner(@PathVariable UUID id) {
        return response(partners.get(new PartnerId(id)));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @PreAuthorize("hasAuthority('partners:write')")
    @Operation(
            summary = "Add a partner",
            description = "The contact is invited to the partner portal as the company's admin.")
    ResponseEntity<PartnerResponse> createPartner(@RequestBody NewPartnerRequest request) {
        PartnerView created = partners.invite(new NewPartner(
                request.name(),
                request.website(),
                PartnerType.parseAll("types", request.types()),
                request.regions(),
                request.verticals(),
                request.size(),
                request.contactName(),
                request.contactEmail()));
        return ResponseEntity.created(URI.create("/api/v1/partners/" + created.id()))
                .body(response(created));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('partners:write')")
    @Operation(summary = "Change a partner's profile", description = "Fields left out keep their value.")
    PartnerResponse updatePartner(@PathVariable UUID id, @RequestBody PartnerProfileRequest request) {
        PartnerView current = partners.get(new PartnerId(id));
        return response(partners.updateProfile(
                current.id(),
                new PartnerProfile(
                        request.name() == null ? current.name() : request.name(),
                        request.website() == null ? current.website() : request.website(),
                        request.types() == null ? current.types() : PartnerType.parseAll("types", request.types()),
                        request.regions() == null ? current.regions() : request.regions(),
                        request.verticals() == null ? current.verticals() : request.verticals(),
                        request.size() == null ? current.size() : request.size())));
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAuthority('partners:write')")
    @Operation(
            summary = "Move a partner in its lifecycle",
            description = "REJECTED, SUSPENDED and BANNED need a reason.")
    PartnerResponse changePartnerStatus(@PathVariable UUID id, @RequestBody PartnerStatusRequest request) {
        PartnerStatus to = filter(PartnerStatus.class, "status", request.status());
        return response(partners.changeStatus(new PartnerId(id), to, request.reason()));
    }

    @GetMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('partners:read')")
    @Operation(summary = "A partner's contacts")
    ContactList listPartnerContacts(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<Contact> page =
                Pages.of(partners.contacts(new PartnerId(id)), c -> c.id().toString(), cursor, limit);
        return new ContactList(page.items(), page.nextCursor());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('partners:write')")
    @Operation(summary = "Add a contact")
    ResponseEntity<Contact> addPartnerContact(@PathVariable UUID id, @RequestBody NewContactRequest request) {
        Contact contact = partners.addContact(
                new PartnerId(id),
                request.name(),
                request.email(),
                request.phone(),
                request.title(),
                Boolean.TRUE.equals(request.primary()));
        return ResponseEntity.created(URI.create("/api/v1/partners/" + id + "/contacts"))
                .body(contact);
    }

    /** In the API a wrong value is an error naming the field, not an ignored filter. */
    private static <E extends Enum<E>> E filter(Class<E> type, String field, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Unknown " + field + " '" + name + "'");
        }
    }
}
