package dev.canopy.programs.web;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.platform.Pages;
import dev.canopy.programs.Evaluation;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.RewardType;
import dev.canopy.programs.TermsVersion;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
@RequestMapping("/api/v1/programs")
@Tag(name = "Programmes", description = "Partner programmes, their terms and tiers, and tier evaluation")
class ProgramsApi {

    record RewardResponse(
            @Schema(implementation = RewardType.class) String type,

            @Schema(description = "A decimal string, like every rate and amount")
            String rateMin,

            @Schema(description = "A decimal string, like every rate and amount")
            String rateMax,

            String basis,
            String currency) {}

    record TierResponse(
            String id, int rank, String name, @Nullable String benefits, Map<TierMetric, BigDecimal> thresholds) {
        static TierResponse of(TierView t) {
            return new TierResponse(t.id().toString(), t.rank(), t.name(), t.benefits(), t.thresholds());
        }
    }

    record TermsResponse(int version, String body, Instant publishedAt, String publishedBy) {
        static TermsResponse of(TermsVersion t) {
            return t == null ? null : new TermsResponse(t.version(), t.body(), t.publishedAt(), t.publishedBy());
        }
    }

    record ProgramResponse(
            String id,
            String name,
            String slug,
            List<PartnerType> partnerTypes,
            String valueProposition,
            RewardResponse reward,
            @Nullable String coMarketing,
            @Nullable String training,
            int attributionWindowDays,
            int holdPeriodDays,
            int reapplyAfterDays,
            int demotionGraceDays,
            @Nullable Integer autoApproveScore,
            @Nullable Integer autoRejectBelow,
            boolean acceptingApplications,
            @Nullable TermsResponse currentTerms,
            List<TierResponse> tiers,
            Instant createdAt,
            Instant updatedAt) {}

    record EnrolmentRequest(
            String partnerId,

            @Schema(description = "The tier the partner starts at; without it, the tier its metrics earn.") @Nullable
            String tierId) {}

    record ProgramList(List<ProgramResponse> data, @Nullable String nextCursor) {}

    private final Programs programs;
    private final Tiers tiers;
    private final Memberships memberships;

    ProgramsApi(Programs programs, Tiers tiers, Memberships memberships) {
        this.programs = programs;
        this.tiers = tiers;
        this.memberships = memberships;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('programs:read')")
    @Operation(summary = "List the workspace's programmes")
    ProgramList listPrograms(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<ProgramResponse> page =
                Pages.of(programs.list().stream().map(this::response).toList(), ProgramResponse::id, cursor, limit);
        return new ProgramList(page.items(), page.nextCursor());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('programs:read')")
    @Operation(summary = "One programme, with its current terms and its tiers")
    ProgramResponse getProgram(@PathVariable UUID id) {
        return response(programs.get(new ProgramId(id)));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @PreAuthorize("hasAuthority('programs:write')")
    @Operation(summary = "Create a programme", description = "Honours an Idempotency-Key header.")
    ResponseEntity<ProgramResponse> createProgram(@RequestBody ProgramForm request) {
        ProgramView created = programs.create(request.draft(true));
        return ResponseEntity.created(
                        URI.create("/api/v1/programs/" + created.id().value()))
                .body(response(created));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('programs:write')")
    @Operation(summary = "Replace a programme's details")
    ProgramResponse updateProgram(@PathVariable UUID id, @RequestBody ProgramForm request) {
        return response(programs.update(new ProgramId(id), request.draft(true)));
    }

    @PostMapping("/{id}/evaluate")
    @PreAuthorize("hasAuthority('programs:write')")
    @Operation(
            summary = "Evaluate the programme's tiers now",
            description = "Promotes at once; demotes members below their tier for longer than the grace period.")
    Evaluation evaluateTiers(@PathVariable UUID id) {
        return tiers.evaluate(new ProgramId(id));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/memberships")
    @PreAuthorize("hasAuthority('programs:write')")
    @Operation(summary = "Add an existing partner to the programme")
    ResponseEntity<MembershipsApi.MembershipResponse> enrolPartner(
            @PathVariable UUID id, @RequestBody EnrolmentRequest request) {
        UUID partner = Ids.required("partnerId", request.partnerId(), "Give the partner's id");
        UUID tier = request.tierId() == null
                ? null
                : Ids.required("tierId", request.tierId(), "Give the id of one of the programme's tiers");
        MembershipsApi.MembershipResponse enrolled = MembershipsApi.MembershipResponse.of(
                memberships.enrol(new ProgramId(id), new PartnerId(partner), tier));
        return ResponseEntity.created(URI.create("/api/v1/memberships?program=" + id + "&partner=" + partner))
                .body(enrolled);
    }

    private ProgramResponse response(ProgramView p) {
        List<TermsVersion> versions = programs.termsVersions(p.id());
        return new ProgramResponse(
                p.id().toString(),
                p.name(),
                p.slug(),
                p.partnerTypes().stream().sorted().collect(Collectors.toList()),
                p.valueProposition(),
                new RewardResponse(
                        p.reward().type().name(),
                        p.reward().rateMin().toPlainString(),
                        p.reward().rateMax().toPlainString(),
                        p.reward().basis(),
                        p.reward().currency()),
                p.coMarketing(),
                p.training(),
                p.attributionWindowDays(),
                p.holdPeriodDays(),
                p.reapplyAfterDays(),
                p.demotionGraceDays(),
                p.autoApproveScore(),
                p.autoRejectBelow(),
                p.acceptingApplications(),
                TermsResponse.of(versions.isEmpty() ? null : versions.getFirst()),
                tiers.tiers(p.id()).stream().map(TierResponse::of).toList(),
                p.createdAt(),
                p.updatedAt());
    }
}
