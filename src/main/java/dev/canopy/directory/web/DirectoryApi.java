package dev.canopy.directory.web;

import dev.canopy.directory.Directory;
import dev.canopy.directory.DirectoryEntry;
import dev.canopy.directory.ListingProfile;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Partners' directory listings through the API: staff read them, correct them and hide them. */
@RestController
@RequestMapping("/api/v1/directory")
@Tag(
        name = "Partner directory",
        description = "The public partner directory lists the partners who opted in (in the portal), unless staff hid"
                + " them. An entry's id is its partner's id. Opting in stays the partner's choice: the API corrects a"
                + " listing's words and hides or shows it, but never lists a partner that did not opt in.")
class DirectoryApi {

    record EntryRequest(
            @Schema(description = "Up to 600 characters") @Nullable
            String description,

            @Schema(description = "http(s) address; https:// is added when left out") @Nullable
            String website,

            @Nullable String contactEmail,

            @Schema(description = "Up to 20, each up to 60 characters") @Nullable
            List<String> services,

            @Schema(description = "Up to 20, each up to 60 characters") @Nullable
            List<String> industries,

            @Schema(description = "Regions or countries served; up to 20, each up to 60 characters") @Nullable
            List<String> regions,

            @Schema(description = "True hides the listing from the public; left out keeps it as it is") @Nullable
            Boolean hidden,

            @Schema(description = "Why it is hidden, which the partner sees; up to 300 characters") @Nullable
            String hiddenReason) {

        ListingProfile profile() {
            return new ListingProfile(description, website, contactEmail, services, industries, regions);
        }
    }

    record EntryResponse(
            String id,
            String partnerName,
            String slug,
            boolean optedIn,
            boolean hidden,
            @Nullable String hiddenReason,

            @Schema(description = "Opted in and not hidden: the public sees it")
            boolean listed,

            @Nullable String description,
            @Nullable String website,
            @Nullable String contactEmail,
            List<String> services,
            List<String> industries,
            List<String> regions,
            List<String> types,
            @Nullable String tier,
            long certifiedPeople,
            List<String> certifications,
            @Nullable Instant updatedAt) {

        static EntryResponse of(DirectoryEntry e) {
            return new EntryResponse(
                    e.partnerId().value().toString(),
                    e.name(),
                    e.slug(),
                    e.optedIn(),
                    e.hidden(),
                    e.hiddenReason(),
                    e.listed(),
                    e.description(),
                    e.website(),
                    e.contactEmail(),
                    e.services(),
                    e.industries(),
                    e.regions(),
                    e.types().stream().map(Enum::name).toList(),
                    e.tier(),
                    e.certifiedPeople(),
                    e.certifications(),
                    e.updatedAt());
        }
    }

    record EntryList(List<EntryResponse> data, @Nullable String nextCursor) {}

    private final Directory directory;

    DirectoryApi(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/entries")
    @PreAuthorize("hasAuthority('partners:read')")
    @Operation(
            summary = "List directory entries",
            description = "Every partner that saved a listing, the listed ones first in the public directory's order.")
    EntryList listDirectoryEntries(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<EntryResponse> page = Pages.of(
                directory.entries().stream().map(EntryResponse::of).toList(), EntryResponse::id, cursor, limit);
        return new EntryList(page.items(), page.nextCursor());
    }

    @GetMapping("/entries/{id}")
    @PreAuthorize("hasAuthority('partners:read')")
    @Operation(
            summary = "Get a partner's directory entry",
            description = "By the partner's id; a partner that never saved a listing has one, not opted in.")
    EntryResponse getDirectoryEntry(@PathVariable UUID id) {
        return EntryResponse.of(directory.entry(new PartnerId(id)));
    }

    @PutMapping("/entries/{id}")
    @PreAuthorize("hasAuthority('partners:write')")
    @Operation(
            summary = "Correct, hide or show a partner's directory entry",
            description = "Replaces the listing's words with those given (all of them) and, when hidden is given, hides"
                    + " or shows it. Whether the partner is opted in does not change.")
    EntryResponse updateDirectoryEntry(@PathVariable UUID id, @RequestBody EntryRequest request) {
        return EntryResponse.of(
                directory.update(new PartnerId(id), request.profile(), request.hidden(), request.hiddenReason()));
    }
}
