package dev.canopy.enablement.web;

import dev.canopy.enablement.AssetInput;
import dev.canopy.enablement.AssetKind;
import dev.canopy.enablement.AssetUsage;
import dev.canopy.enablement.AssetView;
import dev.canopy.enablement.AudienceBody;
import dev.canopy.enablement.ContentLibrary;
import dev.canopy.enablement.ContentUsage;
import dev.canopy.enablement.FileVersion;
import dev.canopy.platform.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The content library through the API: list and search it, add links, text and files, change audiences, read usage. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Content", description = "The content library partners sell with, and who may see each asset")
class ContentApi {

    record AssetRequest(
            @Schema(
                    allowableValues = {"LINK", "TEXT"},
                    description = "Files are uploaded to /api/v1/content/files, with these fields as the asset part")
            String kind,

            String title,
            @Nullable String description,
            @Nullable String folder,
            @Nullable List<String> tags,
            @Nullable List<String> products,

            @Schema(description = "QUALIFICATION, PROPOSAL, NEGOTIATION") @Nullable
            List<String> dealStages,

            @Nullable List<String> industries,

            @Schema(description = "For a LINK: an http(s) address") @Nullable
            String url,

            @Schema(description = "For a TEXT: Markdown (HTML is removed when shown)") @Nullable
            String body,

            @Nullable AudienceBody audience,

            @Schema(description = "The first day partners see it (UTC)") @Nullable
            LocalDate publishFrom,

            @Schema(description = "The first day they no longer do (UTC)") @Nullable
            LocalDate expireOn) {

        AssetInput input() {
            return input(kind);
        }

        /** The same words and audience for a file, whatever {@code kind} says. */
        AssetInput asFile() {
            return input(AssetKind.FILE.name());
        }

        private AssetInput input(String kind) {
            AudienceBody a = audience == null ? AudienceBody.NONE : audience;
            return new AssetInput(
                    kind,
                    title,
                    description,
                    folder,
                    tags,
                    products,
                    dealStages,
                    industries,
                    url,
                    body,
                    a.match(),
                    a.programIds(),
                    a.tierIds(),
                    a.partnerTypes(),
                    a.regions(),
                    a.partnerIds(),
                    publishFrom == null ? null : publishFrom.toString(),
                    expireOn == null ? null : expireOn.toString());
        }
    }

    record FileResponse(
            int version, String fileName, String contentType, long sizeBytes, String sha256, Instant uploadedAt) {

        static @Nullable FileResponse of(@Nullable FileVersion f) {
            return f == null
                    ? null
                    : new FileResponse(
                            f.version(), f.fileName(), f.contentType(), f.sizeBytes(), f.sha256(), f.uploadedAt());
        }
    }

    record AssetResponse(
            String id,

            @Schema(allowableValues = {"FILE", "LINK", "TEXT"})
            String kind,

            String title,
            String description,
            String folder,
            List<String> tags,
            List<String> products,
            List<String> dealStages,
            List<String> industries,
            @Nullable String url,
            @Nullable String body,
            AudienceBody audience,
            @Nullable LocalDate publishFrom,
            @Nullable LocalDate expireOn,

            @Schema(allowableValues = {"SCHEDULED", "LIVE", "EXPIRED", "ARCHIVED"})
            String state,

            @Nullable FileResponse file,
            Instant createdAt,
            Instant updatedAt) {

        static AssetResponse of(AssetView a) {
            return new AssetResponse(
                    a.id().toString(),
                    a.kind().name(),
                    a.title(),
                    a.description(),
                    a.folder(),
                    a.tags(),
                    a.products(),
                    a.dealStages().stream().map(Enum::name).toList(),
                    a.industries(),
                    a.url(),
                    a.body(),
                    AudienceBody.of(a.audience()),
                    day(a.publishFrom()),
                    day(a.expireOn()),
                    a.state().name(),
                    FileResponse.of(a.file()),
                    a.createdAt(),
                    a.updatedAt());
        }

        private static @Nullable LocalDate day(@Nullable Instant at) {
            return at == null ? null : LocalDate.ofInstant(at, ZoneOffset.UTC);
        }
    }

    record AssetList(List<AssetResponse> data, @Nullable String nextCursor) {}

    record UsageResponse(
            String partnerId,
            String partnerName,
            String person,
            long views,
            long downloads,

            @Schema(description = "How often the share links this person made were opened")
            long shareOpens,

            Instant lastAt) {

        static UsageResponse of(AssetUsage u) {
            return new UsageResponse(
                    u.partner().value().toString(),
                    u.partnerName(),
                    u.person(),
                    u.views(),
                    u.downloads(),
                    u.shareOpens(),
                    u.lastAt());
        }
    }

    record UsageList(List<UsageResponse> data, @Nullable String nextCursor) {}

    private final ContentLibrary library;
    private final ContentUsage usage;

    ContentApi(ContentLibrary library, ContentUsage usage) {
        this.library = library;
        this.usage = usage;
    }

    @GetMapping("/content")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(
            summary = "List or search the content library",
            description = "q searches titles, descriptions, folders, tags and the text inside files; at most 200"
                    + " assets match one search.")
    AssetList listContent(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String folder,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<AssetResponse> page = Pages.of(
                library.find(q, folder, archived).assets().stream()
                        .map(l -> AssetResponse.of(l.asset()))
                        .toList(),
                AssetResponse::id,
                cursor,
                limit);
        return new AssetList(page.items(), page.nextCursor());
    }

    @PostMapping("/content")
    @PreAuthorize("hasAuthority('content:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a link or a page of Markdown to the library")
    ResponseEntity<AssetResponse> createContent(@RequestBody AssetRequest request) {
        AssetView asset = library.create(request.input());
        return ResponseEntity.created(URI.create("/api/v1/content/" + asset.id()))
                .body(AssetResponse.of(asset));
    }

    @PostMapping(value = "/content/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('content:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Upload a file to the library",
            description = "A multipart form: `asset`, the asset's fields as JSON (kind is FILE whatever it says), and"
                    + " `file`. Its type is read from its bytes, not from its name or the part's header; what it"
                    + " claims to be but is not, or cannot be shown safely, is refused. Its text is indexed for"
                    + " search.")
    ResponseEntity<AssetResponse> uploadContent(
            @RequestPart("asset") AssetRequest asset, @RequestPart("file") MultipartFile file) {
        AssetView created = library.create(asset.asFile(), ContentController.upload(file));
        return ResponseEntity.created(URI.create("/api/v1/content/" + created.id()))
                .body(AssetResponse.of(created));
    }

    @PostMapping(value = "/content/{id}/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('content:write')")
    @Operation(
            summary = "Replace a file asset's file",
            description = "A multipart form with `file`. The earlier versions are kept; partners who downloaded"
                    + " the one before are told there is a new one.")
    AssetResponse replaceContentFile(@PathVariable UUID id, @RequestPart("file") MultipartFile file) {
        return AssetResponse.of(library.replaceFile(id, ContentController.upload(file)));
    }

    @GetMapping("/content/{id}")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "Get an asset")
    AssetResponse getContent(@PathVariable UUID id) {
        return AssetResponse.of(library.open(id));
    }

    @PutMapping("/content/{id}")
    @PreAuthorize("hasAuthority('content:write')")
    @Operation(summary = "Change an asset: its words, where it is filed, its audience and dates (kind stays)")
    AssetResponse updateContent(@PathVariable UUID id, @RequestBody AssetRequest request) {
        return AssetResponse.of(library.update(id, request.input()));
    }

    @PostMapping("/content/{id}/archive")
    @PreAuthorize("hasAuthority('content:write')")
    @Operation(summary = "Archive an asset: partners no longer see it")
    AssetResponse archiveContent(@PathVariable UUID id) {
        return AssetResponse.of(library.archive(id));
    }

    @PostMapping("/content/{id}/restore")
    @PreAuthorize("hasAuthority('content:write')")
    @Operation(summary = "Restore an archived asset")
    AssetResponse restoreContent(@PathVariable UUID id) {
        return AssetResponse.of(library.restore(id));
    }

    @GetMapping("/content/{id}/usage")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "Who used an asset: views and downloads per partner and person")
    UsageList listContentUsage(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<UsageResponse> page = Pages.of(
                usage.usage(id).stream().map(UsageResponse::of).toList(),
                u -> u.partnerId() + "|" + u.person(),
                cursor,
                limit);
        return new UsageList(page.items(), page.nextCursor());
    }
}
