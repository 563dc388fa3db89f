package dev.canopy.programs.web;

import dev.canopy.partners.PartnerId;
import dev.canopy.platform.Pages;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/memberships")
@Tag(name = "Memberships", description = "Which partners are in which programmes, at which tier")
class MembershipsApi {

    record MembershipResponse(
            String programId,
            String programName,
            String partnerId,
            String partnerName,
            Instant joinedAt,
            @Nullable String tierId,
            @Nullable String tier,
            @Nullable Instant tierSince,
            @Nullable Instant belowTierSince,
            int currentTermsVersion,
            @Nullable Integer acceptedTermsVersion,
            @Nullable Instant termsAcceptedAt,
            boolean termsPending) {

        static MembershipResponse of(MembershipView m) {
            return new MembershipResponse(
                    m.programId().toString(),
                    m.programName(),
                    m.partnerId().toString(),
                    m.partnerName(),
                    m.joinedAt(),
                    m.tierId() == null ? null : m.tierId().toString(),
                    m.tierName(),
                    m.tierSince(),
                    m.belowSince(),
                    m.currentTermsVersion(),
                    m.acceptedTermsVersion(),
                    m.termsAcceptedAt(),
                    m.termsPending());
        }
    }

    record MembershipList(
            List<MembershipResponse> data, @Nullable String nextCursor) {}

    private final Memberships memberships;

    MembershipsApi(Memberships memberships) {
        this.memberships = memberships;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('programs:read')")
    @Operation(summary = "List memberships, by programme and/or by partner, with each member's tier")
    MembershipList listMemberships(
            @RequestParam(required = false) UUID programId,
            @RequestParam(required = false) UUID partnerId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<MembershipResponse> page = Pages.of(
                memberships
                        .list(
                                programId == null ? null : new ProgramId(programId),
                                partnerId == null ? null : new PartnerId(partnerId))
                        .stream()
                        .map(MembershipResponse::of)
                        .toList(),
                m -> m.programId() + "/" + m.partnerId(),
                cursor,
                limit);
        return new MembershipList(page.items(), page.nextCursor());
    }
}
