package dev.canopy.enablement;

import dev.canopy.enablement.internal.CertificateTable;
import dev.canopy.enablement.internal.CertificationTable;
import dev.canopy.enablement.internal.CourseTable;
import dev.canopy.enablement.internal.LearnerProgress;
import dev.canopy.enablement.internal.ProgressTable;
import dev.canopy.identity.Branding;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's certifications for the signed-in person: those whose courses are all assigned to their company, with
 * how many of them they completed and the certificate they hold (its state, its expiry, its verification code).
 */
@Service
public class MyCertifications {

    /** A certification as the person stands in it: courses done of those it asks, and their latest certificate. */
    public record Standing(
            CertificationView certification,
            List<String> courses,
            int coursesDone,
            @Nullable CertificateView certificate) {

        public boolean inProgress() {
            return certificate == null || !certificate.state().valid() || renewing();
        }

        /** The certificate is expiring or expired and every course is done: the courses may be taken again. */
        public boolean renewable() {
            return inRenewalWindow() && coursesDone == certification.courseIds().size();
        }

        /** The courses are being taken again to renew an expiring or expired certificate. */
        public boolean renewing() {
            return inRenewalWindow() && coursesDone < certification.courseIds().size();
        }

        private boolean inRenewalWindow() {
            return certificate != null
                    && (certificate.state() == CertificateState.EXPIRING
                            || certificate.state() == CertificateState.EXPIRED);
        }
    }

    private final LearnerProgress learner;
    private final CertificationTable certifications;
    private final CertificateTable certificates;
    private final CourseTable courses;
    private final ProgressTable progress;
    private final Partners partners;
    private final Branding branding;
    private final CurrentWorkspace currentWorkspace;
    private final Clock clock;

    MyCertifications(
            LearnerProgress learner,
            CertificationTable certifications,
            CertificateTable certificates,
            CourseTable courses,
            ProgressTable progress,
            Partners partners,
            Branding branding,
            CurrentWorkspace currentWorkspace,
            Clock clock) {
        this.learner = learner;
        this.certifications = certifications;
        this.certificates = certificates;
        this.courses = courses;
        this.progress = progress;
        this.partners = partners;
        this.branding = branding;
        this.currentWorkspace = currentWorkspace;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Standing> mine() {
        WorkspaceId workspace = currentWorkspace.id();
        Instant now = clock.instant();
        UUID person = learner.person().id();
        Map<UUID, String> assigned = courses.assigned(workspace, learner.viewer(), now).stream()
                .collect(Collectors.toMap(CourseTable.Row::id, CourseTable.Row::title));
        List<CertificateView> held = certificates.ofPerson(workspace, person, now);
        return certifications.list(workspace).stream()
                .filter(c -> assigned.keySet().containsAll(c.courseIds())
                        || held.stream().anyMatch(h -> h.certificationId().equals(c.id())))
                .map(c -> {
                    Map<UUID, ProgressTable.Mine> mine = progress.mine(workspace, person, c.courseIds());
                    int done = (int) mine.values().stream()
                            .filter(m -> m.completedAt() != null)
                            .count();
                    return new Standing(
                            c,
                            c.courseIds().stream()
                                    .map(id -> assigned.getOrDefault(id, ""))
                                    .filter(t -> !t.isEmpty())
                                    .toList(),
                            done,
                            held.stream()
                                    .filter(h -> h.certificationId().equals(c.id()))
                                    .findFirst()
                                    .orElse(null));
                })
                .toList();
    }

    /**
     * Renews the person's expiring or expired certificate by taking the courses again: their progress in them starts
     * over; completing the last one earns a new certificate, valid from the old one's expiry if it had not passed.
     */
    @Transactional
    public Standing renew(UUID certification) {
        Standing standing = mine().stream()
                .filter(s -> s.certification().id().equals(certification))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Certification"));
        if (!standing.renewable()) {
            throw new ConflictException(
                    "certification",
                    standing.renewing()
                            ? "The renewal is under way: complete the courses again"
                            : "A certificate can be renewed from " + CertificateState.EXPIRING_WITHIN.toDays()
                                    + " days before it expires");
        }
        UUID person = learner.person().id();
        progress.lockPerson(person);
        progress.restart(currentWorkspace.id(), person, standing.certification().courseIds(), clock.instant());
        return mine().stream()
                .filter(s -> s.certification().id().equals(certification))
                .findFirst()
                .orElseThrow();
    }

    /** A certificate to print: the holder's own only, with their company's and the vendor's names. */
    public record Printable(CertificateView certificate, String holder, String partner, String vendor) {}

    @Transactional(readOnly = true)
    public Printable printable(UUID id) {
        CertificateView certificate = certificate(id);
        return new Printable(
                certificate,
                Actor.withoutEmail(certificate.person()),
                partners.get(certificate.partner()).name(),
                branding.of(currentWorkspace.id()).workspaceName());
    }

    /** One of the person's own certificates; anything else is not found. */
    @Transactional(readOnly = true)
    public CertificateView certificate(UUID id) {
        UUID person = learner.person().id();
        return certificates
                .find(currentWorkspace.id(), id, clock.instant())
                .filter(c -> c.personId().equals(person))
                .orElseThrow(() -> new NotFoundException("Certificate"));
    }
}
