package dev.canopy.identity.web;

import dev.canopy.identity.InvitationView;
import dev.canopy.identity.MemberView;
import dev.canopy.identity.Role;
import dev.canopy.identity.Team;
import dev.canopy.platform.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Team", description = "Members of the workspace and invitations")
class TeamApi {

    record MemberResponse(
            String accountId,
            String email,
            String displayName,
            @Schema(implementation = Role.class) String role,
            Instant joinedAt) {
        static MemberResponse of(MemberView m) {
            return new MemberResponse(
                    m.accountId().toString(),
                    m.email(),
                    m.displayName(),
                    m.role().name(),
                    m.joinedAt());
        }
    }

    record InvitationResponse(
            String id,
            String email,
            @Schema(implementation = Role.class) String role,

            @Schema(implementation = InvitationView.Status.class)
            String status,

            String invitedBy,
            Instant createdAt,
            Instant expiresAt) {
        static InvitationResponse of(InvitationView i, Instant now) {
            return new InvitationResponse(
                    i.id().toString(),
                    i.email(),
                    i.role().name(),
                    i.statusAt(now).name(),
                    i.invitedBy(),
                    i.createdAt(),
                    i.expiresAt());
        }
    }

    record InvitationRequest(
            String email,
            @Schema(implementation = Role.class) String role) {}

    record MemberList(List<MemberResponse> data, @Nullable String nextCursor) {}

    record InvitationList(
            List<InvitationResponse> data, @Nullable String nextCursor) {}

    private final Team team;
    private final Clock clock;

    TeamApi(Team team, Clock clock) {
        this.team = team;
        this.clock = clock;
    }

    @GetMapping("/members")
    @PreAuthorize("hasAuthority('team:read')")
    @Operation(summary = "List the workspace's members")
    MemberList listMembers(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<MemberResponse> page = Pages.of(
                team.members().stream().map(MemberResponse::of).toList(), MemberResponse::accountId, cursor, limit);
        return new MemberList(page.items(), page.nextCursor());
    }

    @GetMapping("/invitations")
    @PreAuthorize("hasAuthority('team:read')")
    @Operation(summary = "List invitations, newest first")
    InvitationList listInvitations(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Instant now = clock.instant();
        Pages.Page<InvitationResponse> page = Pages.of(
                team.invitations().stream()
                        .map(i -> InvitationResponse.of(i, now))
                        .toList(),
                InvitationResponse::id,
                cursor,
                limit);
        return new InvitationList(page.items(), page.nextCursor());
    }

    @GetMapping("/invitations/{id}")
    @PreAuthorize("hasAuthority('team:read')")
    @Operation(summary = "One invitation")
    InvitationResponse getInvitation(@PathVariable UUID id) {
        return InvitationResponse.of(team.invitation(id), clock.instant());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/invitations")
    @PreAuthorize("hasAuthority('team:write')")
    @Operation(summary = "Invite someone by email", description = "Honours an Idempotency-Key header.")
    ResponseEntity<InvitationResponse> createInvitation(@RequestBody InvitationRequest request) {
        InvitationView created = team.invite(request.email(), request.role());
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + created.id()))
                .body(InvitationResponse.of(created, clock.instant()));
    }

    @DeleteMapping("/invitations/{id}")
    @PreAuthorize("hasAuthority('team:write')")
    @Operation(summary = "Revoke an open invitation")
    InvitationResponse revokeInvitation(@PathVariable UUID id) {
        return InvitationResponse.of(team.revoke(id), clock.instant());
    }
}
