package dev.canopy.enablement.web;

import dev.canopy.enablement.CertificateView;
import dev.canopy.enablement.CertificationInput;
import dev.canopy.enablement.CertificationView;
import dev.canopy.enablement.Certifications;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Pages;
import dev.canopy.shared.Actor;
import dev.canopy.shared.Ids;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certifications through the API: define one, read who holds it, award a certificate for a completion elsewhere and
 * revoke one. Verifying a certificate needs no key: its public page and Open Badges assertion are {@code /verify/…}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Certifications",
        description = "What partners' people earn by completing courses, and their certificates. A certificate's"
                + " verificationUrl (and that address followed by /badge.json, an Open Badges 2.0 assertion) is"
                + " public: anyone with it may check the certificate, without a key.")
class CertificationApi {

    record CertificationRequest(
            String name,
            @Nullable String description,

            @Schema(description = "The courses that earn it, all of them")
            List<String> courseIds,

            @Schema(description = "How long a certificate stays valid, 1 to 120 months; none: for ever") @Nullable
            Integer validMonths) {

        CertificationInput input() {
            return new CertificationInput(
                    name, description, courseIds, validMonths == null ? null : validMonths.toString());
        }
    }

    record CertificationResponse(
            String id,
            String name,
            String description,
            List<String> courseIds,
            @Nullable Integer validMonths,
            boolean archived,
            Instant createdAt) {

        static CertificationResponse of(CertificationView c) {
            return new CertificationResponse(
                    c.id().toString(),
                    c.name(),
                    c.description(),
                    c.courseIds().stream().map(UUID::toString).toList(),
                    c.validMonths(),
                    c.archived(),
                    c.createdAt());
        }
    }

    record CertificationList(
            List<CertificationResponse> data, @Nullable String nextCursor) {}

    record CertificateAwardRequest(
            String partnerId,

            @Schema(description = "A portal user of that partner")
            String personId,

            @Schema(description = "Where the courses were completed (a classroom session, an earlier LMS)")
            String reason,

            @Schema(format = "date", description = "The day it was earned, from which it is valid; default today")
            @Nullable
            String earnedOn) {}

    record CertificateRevokeRequest(String reason) {}

    record CertificateResponse(
            String id,
            String certificationId,
            String certification,
            String partnerId,
            String personId,
            String personName,

            @Schema(allowableValues = {"ACTIVE", "EXPIRING", "EXPIRED", "RENEWED", "REVOKED"})
            String state,

            Instant earnedAt,

            @Schema(description = "None: valid for ever") @Nullable
            Instant expiresAt,

            @Schema(description = "Who awarded it, when staff did rather than a completion") @Nullable
            String awardedBy,

            @Nullable String awardReason,
            @Nullable Instant revokedAt,
            @Nullable String revokeReason,
            String verificationCode,

            @Schema(description = "The public verification page; followed by /badge.json, the Open Badges assertion")
            String verificationUrl) {}

    record CertificateList(
            List<CertificateResponse> data, @Nullable String nextCursor) {}

    private final Certifications certifications;
    private final BaseUrl baseUrl;

    CertificationApi(Certifications certifications, BaseUrl baseUrl) {
        this.certifications = certifications;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/certifications")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "List certifications")
    CertificationList listCertifications(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<CertificationResponse> page = Pages.of(
                certifications.list().stream().map(CertificationResponse::of).toList(),
                CertificationResponse::id,
                cursor,
                limit);
        return new CertificationList(page.items(), page.nextCursor());
    }

    @PostMapping("/certifications")
    @PreAuthorize("hasAuthority('content:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a certification",
            description = "From now on, a person who completes the last of its courses earns a certificate.")
    ResponseEntity<CertificationResponse> createCertification(@RequestBody CertificationRequest request) {
        CertificationView certification = certifications.create(request.input());
        return ResponseEntity.created(URI.create("/api/v1/certifications/" + certification.id()))
                .body(CertificationResponse.of(certification));
    }

    @GetMapping("/certifications/{id}")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "Get a certification")
    CertificationResponse getCertification(@PathVariable UUID id) {
        return CertificationResponse.of(certifications.get(id));
    }

    @GetMapping("/certifications/{id}/certificates")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "Who holds a certification, or held it, the latest first, each with its state as of now")
    CertificateList listCertificationHolders(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<CertificateResponse> page = Pages.of(
                certifications.holders(id).stream().map(this::response).toList(),
                CertificateResponse::id,
                cursor,
                limit);
        return new CertificateList(page.items(), page.nextCursor());
    }

    @PostMapping("/certifications/{id}/certificates")
    @PreAuthorize("hasAuthority('content:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Award a certificate for a completion outside Canopy",
            description = "The reason is required and audited; the certificate is valid from earnedOn (UTC).")
    ResponseEntity<CertificateResponse> awardCertificate(
            @PathVariable UUID id, @RequestBody CertificateAwardRequest request) {
        CertificateView certificate = certifications.award(
                id,
                Ids.required("partnerId", request.partnerId(), "Choose a partner"),
                Ids.required("personId", request.personId(), "Choose a person of that partner"),
                request.reason(),
                request.earnedOn());
        return ResponseEntity.created(URI.create("/api/v1/certificates/" + certificate.id()))
                .body(response(certificate));
    }

    @GetMapping("/certificates/{id}")
    @PreAuthorize("hasAuthority('content:read')")
    @Operation(summary = "Get a certificate, with its state as of now")
    CertificateResponse getCertificate(@PathVariable UUID id) {
        return response(certifications.certificate(id));
    }

    @PostMapping("/certificates/{id}/revoke")
    @PreAuthorize("hasAuthority('content:write')")
    @Operation(
            summary = "Revoke a certificate, with the reason",
            description = "Its holder no longer counts as certified; a certificate already revoked answers 409.")
    CertificateResponse revokeCertificate(@PathVariable UUID id, @RequestBody CertificateRevokeRequest request) {
        return response(certifications.revoke(id, request.reason()));
    }

    private CertificateResponse response(CertificateView c) {
        return new CertificateResponse(
                c.id().toString(),
                c.certificationId().toString(),
                c.certification(),
                c.partner().value().toString(),
                c.personId().toString(),
                Actor.withoutEmail(c.person()),
                c.state().name(),
                c.earnedAt(),
                c.expiresAt(),
                c.awardedBy(),
                c.awardReason(),
                c.revokedAt(),
                c.revokeReason(),
                c.code(),
                baseUrl.link("/verify/" + c.code()));
    }
}
