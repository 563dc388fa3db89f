package dev.canopy.programs.web;

import dev.canopy.partners.PartnerType;
import dev.canopy.platform.Cursors;
import dev.canopy.programs.Answer;
import dev.canopy.programs.ApplicationPage;
import dev.canopy.programs.ApplicationQuery;
import dev.canopy.programs.ApplicationStatus;
import dev.canopy.programs.ApplicationView;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.Recruitment;
import dev.canopy.programs.ScoreLine;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Applications", description = "Applications to programmes, their scores, approval and rejection")
class ApplicationsApi {

    record ApplicationResponse(
            String id,
            String programId,
            String programName,
            String companyName,
            String website,
            String domain,
            String contactName,
            String contactEmail,
            List<PartnerType> partnerTypes,
            String region,
            List<Answer> answers,
            int score,
            List<ScoreLine> scoreLines,
            ApplicationStatus status,
            Instant submittedAt,
            @Nullable Instant decidedAt,
            @Nullable String decidedBy,
            @Nullable String decisionReason,
            @Nullable String partnerId) {

        static ApplicationResponse of(ApplicationView a) {
            return new ApplicationResponse(
                    a.id().toString(),
                    a.programId().toString(),
                    a.programName(),
                    a.companyName(),
                    a.website(),
                    a.domain(),
                    a.contactName(),
                    a.contactEmail(),
                    a.partnerTypes().stream().sorted().toList(),
                    a.region(),
                    a.answers(),
                    a.score(),
                    a.scoreLines(),
                    a.status(),
                    a.submittedAt(),
                    a.decidedAt(),
                    a.decidedBy(),
                    a.decisionReason(),
                    a.partnerId() == null ? null : a.partnerId().toString());
        }
    }

    record ApplicationList(
            List<ApplicationResponse> data, @Nullable String nextCursor) {}

    record ApplicationRejectRequest(String reason) {}

    private final Recruitment recruitment;

    ApplicationsApi(Recruitment recruitment) {
        this.recruitment = recruitment;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('programs:read')")
    @Operation(
            summary = "List applications, newest first",
            description = "Filter by programId and status; cursor pagination: pass nextCursor as cursor.")
    ApplicationList listApplications(
            @RequestParam(required = false) UUID programId,
            @RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ApplicationQuery.MAX_LIMIT) int limit) {
        ApplicationPage page = recruitment.applications(new ApplicationQuery(
                programId == null ? null : new ProgramId(programId),
                status,
                Cursors.sequence(cursor, "cursor"),
                limit));
        return new ApplicationList(
                page.applications().stream().map(ApplicationResponse::of).toList(),
                page.nextCursor() == null ? null : page.nextCursor().toString());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('programs:read')")
    @Operation(summary = "One application, with its answers and score breakdown")
    ApplicationResponse getApplication(@PathVariable UUID id) {
        return ApplicationResponse.of(recruitment.application(id));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('programs:write')")
    @Operation(
            summary = "Approve an application",
            description = "Creates the partner, invites its contact by email, and makes it a member of the programme.")
    ApplicationResponse approveApplication(@PathVariable UUID id) {
        return ApplicationResponse.of(recruitment.approve(id));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('programs:write')")
    @Operation(
            summary = "Reject an application with a reason",
            description = "Emails the applicant; the same email or domain may apply again after the reapply period.")
    ApplicationResponse rejectApplication(@PathVariable UUID id, @RequestBody ApplicationRejectRequest request) {
        return ApplicationResponse.of(recruitment.reject(id, request.reason()));
    }
}
