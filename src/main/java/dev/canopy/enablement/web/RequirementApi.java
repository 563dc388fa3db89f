package dev.canopy.enablement.web;

import dev.canopy.enablement.RequirementInput;
import dev.canopy.enablement.RequirementView;
import dev.canopy.enablement.Requirements;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Certification requirements through the API: what a programme's partners need before they may do something. */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Certification requirements",
        description = "A programme asks for at least N people of a partner company holding an active certificate"
                + " before the company may register deals in it, hold one of its tiers, or open an asset. A company"
                + " that falls short again keeps the right for the programme's demotion grace period.")
class RequirementApi {

    record RequirementRequest(
            @Schema(description = "The programme whose members it binds; for a tier, may be left out") @Nullable
            String programId,

            String certificationId,

            @Schema(description = "People holding an active certificate, 1 to 1000")
            Integer minPeople,

            @Schema(allowableValues = {"DEAL_REGISTRATION", "TIER", "ASSET"})
            String subject,

            @Schema(description = "For subject TIER") @Nullable
            String tierId,

            @Schema(description = "For subject ASSET") @Nullable
            String assetId) {

        RequirementInput input() {
            return new RequirementInput(
                    programId,
                    certificationId,
                    minPeople == null ? null : minPeople.toString(),
                    subject,
                    tierId,
                    assetId);
        }
    }

    record RequirementResponse(
            String id,
            String programId,
            String programName,

            @Schema(allowableValues = {"DEAL_REGISTRATION", "TIER", "ASSET"})
            String subject,

            @Nullable String tierId,
            @Nullable String tierName,
            @Nullable String assetId,
            @Nullable String assetTitle,
            String certificationId,
            String certificationName,
            int minPeople,
            Instant createdAt) {

        static RequirementResponse of(RequirementView r) {
            return new RequirementResponse(
                    r.id().toString(),
                    r.programId().toString(),
                    r.programName(),
                    r.subject().name(),
                    r.tierId() == null ? null : r.tierId().toString(),
                    r.tierName(),
                    r.assetId() == null ? null : r.assetId().toString(),
                    r.assetTitle(),
                    r.certificationId().toString(),
                    r.certificationName(),
                    r.minPeople(),
                    r.createdAt());
        }
    }

    record RequirementList(
            List<RequirementResponse> data, @Nullable String nextCursor) {}

    private final Requirements requirements;

    RequirementApi(Requirements requirements) {
        this.requirements = requirements;
    }

    @GetMapping("/requirements")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "List certification requirements")
    RequirementList listRequirements(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<RequirementResponse> page = Pages.of(
                requirements.list().stream().map(RequirementResponse::of).toList(),
                RequirementResponse::id,
                cursor,
                limit);
        return new RequirementList(page.items(), page.nextCursor());
    }

    @PostMapping("/requirements")
    @PreAuthorize("hasAuthority('content:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Require certified people",
            description = "Binds the programme's members at once: a company that never met it is refused until it"
                    + " does. The same requirement twice is a conflict.")
    ResponseEntity<RequirementResponse> createRequirement(@RequestBody RequirementRequest request) {
        RequirementView created = requirements.create(request.input());
        return ResponseEntity.created(URI.create("/api/v1/requirements/" + created.id()))
                .body(RequirementResponse.of(created));
    }

    @GetMapping("/requirements/{id}")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "Get a certification requirement")
    RequirementResponse getRequirement(@PathVariable UUID id) {
        return RequirementResponse.of(requirements.get(id));
    }

    @DeleteMapping("/requirements/{id}")
    @PreAuthorize("hasAuthority('content:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a certification requirement", description = "What it gated opens at once.")
    void removeRequirement(@PathVariable UUID id) {
        requirements.remove(id);
    }
}
