package dev.canopy.enablement;

import dev.canopy.audit.AuditLog;
import dev.canopy.enablement.internal.AssetInputs;
import dev.canopy.enablement.internal.CertificateIssuer;
import dev.canopy.enablement.internal.CertificateTable;
import dev.canopy.enablement.internal.CertificationTable;
import dev.canopy.enablement.internal.CourseTable;
import dev.canopy.enablement.internal.UsageTable;
import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.PartnerUserView;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certifications as staff define and manage them: the courses that earn one and how long it stays valid; who holds
 * it; a certificate awarded for a completion outside Canopy, or revoked, each with its reason and audited.
 */
@Service
public class Certifications {

    private final CertificationTable certifications;
    private final CertificateTable certificates;
    private final CourseTable courses;
    private final CertificateIssuer issuer;
    private final PartnerAccess partnerAccess;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Certifications(
            CertificationTable certifications,
            CertificateTable certificates,
            CourseTable courses,
            CertificateIssuer issuer,
            PartnerAccess partnerAccess,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.certifications = certifications;
        this.certificates = certificates;
        this.courses = courses;
        this.issuer = issuer;
        this.partnerAccess = partnerAccess;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CertificationView> list() {
        return certifications.list(currentWorkspace.id());
    }

    @Transactional(readOnly = true)
    public CertificationView get(UUID id) {
        return certifications.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Certification"));
    }

    @Transactional
    public CertificationView create(CertificationInput input) {
        WorkspaceId workspace = currentWorkspace.id();
        Map<String, String> problems = new LinkedHashMap<>();
        String name = AssetInputs.text("name", input.name(), 200, problems);
        if (name.isEmpty() && !problems.containsKey("name")) {
            problems.put("name", "Name the certification");
        }
        String description = AssetInputs.text("description", input.description(), 2_000, problems);
        Set<UUID> courseIds = new LinkedHashSet<>();
        for (String raw : input.courseIds() == null ? List.<String>of() : input.courseIds()) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            try {
                UUID id = UUID.fromString(raw.strip());
                if (courses.find(workspace, id).isEmpty()) {
                    problems.put("courseIds", "Choose courses of this workspace");
                }
                courseIds.add(id);
            } catch (IllegalArgumentException e) {
                problems.put("courseIds", "Not a course id: " + raw);
            }
        }
        if (courseIds.isEmpty() && !problems.containsKey("courseIds")) {
            problems.put("courseIds", "Choose the courses that earn it");
        }
        Integer months = null;
        if (input.validMonths() != null && !input.validMonths().isBlank()) {
            try {
                months = Integer.valueOf(input.validMonths().strip());
            } catch (NumberFormatException e) {
                months = -1;
            }
            if (months < 1 || months > 120) {
                problems.put("validMonths", "Enter 1 to 120 months, or leave it empty: valid for ever");
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        UUID id = UUID.randomUUID();
        certifications.insert(workspace, id, name, description, new ArrayList<>(courseIds), months, clock.instant());
        CertificationView view = get(id);
        audit.record("certification.created", "certification", id, null, view);
        return view;
    }

    /** Who holds the certification, or held it, the latest first. */
    @Transactional(readOnly = true)
    public List<CertificateView> holders(UUID certification) {
        get(certification);
        return certificates.of(currentWorkspace.id(), certification, clock.instant());
    }

    /** One certificate of the workspace, its state as of now. */
    @Transactional(readOnly = true)
    public CertificateView certificate(UUID id) {
        return certificates
                .find(currentWorkspace.id(), id, clock.instant())
                .orElseThrow(() -> new NotFoundException("Certificate"));
    }

    /** The portal users of a partner, whom a certificate may be awarded to. */
    @Transactional(readOnly = true)
    public List<PartnerUserView> people(PartnerId partner) {
        partners.get(partner);
        return partnerAccess.users(partner.value());
    }

    /**
     * A certificate for a completion outside Canopy (a classroom session, an earlier LMS), valid from the day it was
     * earned; the reason is required and audited.
     */
    @Transactional
    public CertificateView award(UUID certification, UUID partnerId, UUID personId, String reason, String earnedOn) {
        CertificationView view = get(certification);
        PartnerId partner = new PartnerId(partnerId);
        PartnerUserView person = people(partner).stream()
                .filter(u -> u.id().equals(personId))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("personId", "Choose a person of that partner"));
        Map<String, String> problems = new LinkedHashMap<>();
        String why = AssetInputs.text("reason", reason, 500, problems);
        if (why.isEmpty() && !problems.containsKey("reason")) {
            problems.put("reason", "Say why it is awarded (where the course was completed)");
        }
        Instant earned = clock.instant();
        if (earnedOn != null && !earnedOn.isBlank()) {
            try {
                earned = LocalDate.parse(earnedOn.strip())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
                if (earned.isAfter(clock.instant())) {
                    problems.put("earnedOn", "Enter a day that has come");
                }
            } catch (DateTimeParseException e) {
                problems.put("earnedOn", "Enter a date as YYYY-MM-DD");
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        CertificateView certificate = issuer.issue(
                currentWorkspace.id(),
                view,
                partner,
                new UsageTable.Person(person.displayName() + " <" + person.email() + ">", person.id()),
                earned,
                earned,
                currentWorkspace.actor().name(),
                why);
        audit.record("certification.awarded", "certificate", certificate.id(), null, certificate);
        return certificate;
    }

    /** Revokes a certificate, with the reason; its holder no longer counts as certified. */
    @Transactional
    public CertificateView revoke(UUID certificate, @Nullable String reason) {
        WorkspaceId workspace = currentWorkspace.id();
        Instant now = clock.instant();
        CertificateView before = certificate(certificate);
        Map<String, String> problems = new LinkedHashMap<>();
        String why = AssetInputs.text("reason", reason, 500, problems);
        if (why.isEmpty() && !problems.containsKey("reason")) {
            problems.put("reason", "Say why it is revoked");
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        String by = currentWorkspace.actor().name();
        if (!certificates.revoke(workspace, certificate, by, why, now)) {
            throw new ConflictException("certificate", "This certificate was already revoked");
        }
        CertificateView after = certificates.find(workspace, certificate, now).orElseThrow();
        issuer.recordMetric(workspace, before.partner(), now);
        events.publishEvent(new CertificationRevoked(
                workspace,
                certificate,
                before.certification(),
                before.partner(),
                before.personId(),
                before.person(),
                why,
                by,
                now));
        audit.record("certification.revoked", "certificate", certificate, before, after);
        return after;
    }
}
