package dev.canopy.communications.web;

import dev.canopy.communications.AnnouncementInput;
import dev.canopy.communications.AnnouncementReceipts;
import dev.canopy.communications.AnnouncementState;
import dev.canopy.communications.AnnouncementView;
import dev.canopy.communications.Announcements;
import dev.canopy.communications.ReadReceipts;
import dev.canopy.enablement.AudienceBody;
import dev.canopy.platform.Pages;
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

/** Announcements through the API: write, publish and archive them, and read who read them. */
@RestController
@RequestMapping("/api/v1/announcements")
@Tag(
        name = "Announcements",
        description = "News for a segment of partners (programme, tier, type, region, named partners), shown in the"
                + " portal from a publish time until an expiry, optionally pinned to the portal's home; publishing"
                + " notifies the segment's partner users as each chose (portal, e-mail, daily digest); read receipts"
                + " per partner user.")
class AnnouncementApi {

    record AnnouncementBody(
            String title,

            @Schema(description = "Markdown; HTML is removed")
            String body,

            @Schema(description = "Shown on the portal's home too; default false") @Nullable
            Boolean pinned,

            @Schema(format = "date-time", description = "Shown from then; published at once when left out") @Nullable
            String publishAt,

            @Schema(format = "date-time", description = "Hidden from then") @Nullable
            String expiresAt,

            @Schema(description = "Who sees it; every partner when left out") @Nullable
            AudienceBody segment) {

        AnnouncementInput input() {
            AudienceBody s = segment == null ? AudienceBody.NONE : segment;
            return new AnnouncementInput(
                    title,
                    body,
                    Boolean.TRUE.equals(pinned),
                    publishAt,
                    expiresAt,
                    s.match(),
                    s.programIds(),
                    s.tierIds(),
                    s.partnerTypes(),
                    s.regions(),
                    s.partnerIds());
        }
    }

    record AnnouncementResponse(
            UUID id,
            String title,
            String body,
            boolean pinned,
            @Nullable Instant publishAt,
            @Nullable Instant expiresAt,
            AudienceBody segment,
            AnnouncementState state,
            @Nullable Instant publishedAt,
            @Nullable Instant archivedAt,
            Instant createdAt,
            Instant updatedAt) {

        static AnnouncementResponse of(AnnouncementView a) {
            return new AnnouncementResponse(
                    a.id(),
                    a.title(),
                    a.body(),
                    a.pinned(),
                    a.publishAt(),
                    a.expiresAt(),
                    AudienceBody.of(a.audience()),
                    a.state(),
                    a.publishedAt(),
                    a.archivedAt(),
                    a.createdAt(),
                    a.updatedAt());
        }
    }

    record AnnouncementList(
            List<AnnouncementResponse> data, @Nullable String nextCursor) {}

    record ReaderResponse(UUID partnerUserId, String name, Instant readAt) {}

    record PartnerReceiptResponse(
            UUID partnerId,
            String partnerName,

            @Schema(description = "Its partner users who can sign in")
            int users,

            List<ReaderResponse> readers) {}

    record ReceiptsResponse(
            UUID announcementId,

            @Schema(description = "Partner users who opened it")
            long read,

            @Schema(description = "Partner users of the partners its segment admits now")
            long of,

            List<PartnerReceiptResponse> partners) {

        static ReceiptsResponse of(ReadReceipts r) {
            return new ReceiptsResponse(
                    r.announcement(),
                    r.read(),
                    r.of(),
                    r.partners().stream()
                            .map(p -> new PartnerReceiptResponse(
                                    p.partnerId(),
                                    p.partnerName(),
                                    p.users(),
                                    p.readers().stream()
                                            .map(u -> new ReaderResponse(u.partnerUserId(), u.name(), u.readAt()))
                                            .toList()))
                            .toList());
        }
    }

    private final Announcements announcements;
    private final AnnouncementReceipts receipts;

    AnnouncementApi(Announcements announcements, AnnouncementReceipts receipts) {
        this.announcements = announcements;
        this.receipts = receipts;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('announcements:read')")
    @Operation(summary = "List announcements", description = "Newest first; archived ones when asked.")
    AnnouncementList listAnnouncements(
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<AnnouncementResponse> page = Pages.of(
                announcements.list(archived).stream()
                        .map(AnnouncementResponse::of)
                        .toList(),
                a -> a.id().toString(),
                cursor,
                limit);
        return new AnnouncementList(page.items(), page.nextCursor());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('announcements:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write an announcement", description = "A draft: partners see nothing until it is published.")
    ResponseEntity<AnnouncementResponse> createAnnouncement(@RequestBody AnnouncementBody request) {
        AnnouncementView created = announcements.create(request.input());
        return ResponseEntity.created(URI.create("/api/v1/announcements/" + created.id()))
                .body(AnnouncementResponse.of(created));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('announcements:read')")
    @Operation(summary = "Get an announcement")
    AnnouncementResponse getAnnouncement(@PathVariable UUID id) {
        return AnnouncementResponse.of(announcements.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('announcements:write')")
    @Operation(
            summary = "Replace an announcement",
            description = "Partners already notified are not notified again. An archived one is a conflict.")
    AnnouncementResponse updateAnnouncement(@PathVariable UUID id, @RequestBody AnnouncementBody request) {
        return AnnouncementResponse.of(announcements.update(id, request.input()));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('announcements:write')")
    @Operation(
            summary = "Publish an announcement",
            description = "Its segment is notified at once, or when its publishAt comes; an announcement.published"
                    + " event follows. Published already, or archived: a conflict.")
    AnnouncementResponse publishAnnouncement(@PathVariable UUID id) {
        return AnnouncementResponse.of(announcements.publish(id));
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasAuthority('announcements:write')")
    @Operation(summary = "Archive an announcement", description = "Partners no longer see it; its receipts stay.")
    AnnouncementResponse archiveAnnouncement(@PathVariable UUID id) {
        return AnnouncementResponse.of(announcements.archive(id));
    }

    @GetMapping("/{id}/receipts")
    @PreAuthorize("hasAuthority('announcements:read')")
    @Operation(
            summary = "Who read an announcement",
            description = "Of the partner users in its segment, how many opened it, and who, partner by partner.")
    ReceiptsResponse getAnnouncementReceipts(@PathVariable UUID id) {
        return ReceiptsResponse.of(receipts.receipts(id));
    }
}
