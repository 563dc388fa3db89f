package dev.canopy.enablement.internal;

import dev.canopy.enablement.CertificateState;
import dev.canopy.enablement.CertificateView;
import dev.canopy.enablement.CertificationEarned;
import dev.canopy.enablement.CertificationView;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.MetricReading;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Certificates issued: when a person completes the last course a certification asks for, or when staff award one;
 * and the partner's certified people told to its tiers after every change ({@link TierMetric#CERTIFIED_PEOPLE}).
 */
@Component
public class CertificateIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificationTable certifications;
    private final CertificateTable certificates;
    private final ProgressTable progress;
    private final Tiers tiers;
    private final ApplicationEventPublisher events;

    CertificateIssuer(
            CertificationTable certifications,
            CertificateTable certificates,
            ProgressTable progress,
            Tiers tiers,
            ApplicationEventPublisher events) {
        this.certifications = certifications;
        this.certificates = certificates;
        this.progress = progress;
        this.tiers = tiers;
        this.events = events;
    }

    /**
     * A course completed: every certification it completes for the person is earned, unless they hold one that is
     * not expiring yet. A renewal (the courses retaken while the certificate is expiring) runs on from its expiry,
     * so renewing early costs nothing.
     */
    public void courseCompleted(
            WorkspaceId workspace, UUID course, PartnerId partner, UsageTable.Person person, Instant now) {
        for (CertificationView certification : certifications.including(workspace, course)) {
            if (!progress.completedAll(workspace, person.id(), certification.courseIds())) {
                continue;
            }
            List<CertificateView> held = certificates.ofPerson(workspace, person.id(), now).stream()
                    .filter(c -> c.certificationId().equals(certification.id()))
                    .filter(c -> c.state().valid())
                    .toList();
            if (held.stream().noneMatch(c -> c.state() == CertificateState.ACTIVE)) {
                Instant from = held.stream()
                        .map(CertificateView::expiresAt)
                        .filter(Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(now);
                issue(workspace, certification, partner, person, now, from, null, null);
            }
        }
    }

    /** A new certificate earned at {@code earnedAt}, valid from {@code validFrom} for the certification's months. */
    public CertificateView issue(
            WorkspaceId workspace,
            CertificationView certification,
            PartnerId partner,
            UsageTable.Person person,
            Instant earnedAt,
            Instant validFrom,
            @Nullable String awardedBy,
            @Nullable String reason) {
        Instant expires = certification.validMonths() == null
                ? null
                : validFrom
                        .atZone(ZoneOffset.UTC)
                        .plusMonths(certification.validMonths())
                        .toInstant();
        byte[] code = new byte[12];
        RANDOM.nextBytes(code);
        CertificateView certificate = new CertificateView(
                UUID.randomUUID(),
                certification.id(),
                certification.name(),
                partner,
                person.id(),
                person.name(),
                earnedAt,
                expires,
                CertificateState.ACTIVE,
                awardedBy,
                reason,
                null,
                null,
                HexFormat.of().formatHex(code));
        certificates.insert(workspace, certificate, earnedAt);
        events.publishEvent(new CertificationEarned(
                workspace,
                certificate.id(),
                certification.id(),
                certification.name(),
                partner,
                person.id(),
                person.name(),
                expires,
                awardedBy,
                earnedAt));
        recordMetric(workspace, partner, earnedAt);
        return certificate;
    }

    /** Tells the partner's tiers how many of its people hold a certificate that counts at {@code now}. */
    public void recordMetric(WorkspaceId workspace, PartnerId partner, Instant now) {
        tiers.recordMetric(
                workspace,
                "enablement",
                new MetricReading(
                        partner,
                        TierMetric.CERTIFIED_PEOPLE,
                        BigDecimal.valueOf(certificates.certifiedPeople(workspace, partner, now)),
                        null,
                        now));
    }
}
