package dev.canopy.enablement.internal;

import dev.canopy.enablement.CertificationExpired;
import dev.canopy.enablement.CertificationExpiring;
import dev.canopy.identity.Branding;
import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.PartnerUserView;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Formats;
import dev.canopy.platform.Mailer;
import dev.canopy.platform.OutgoingMail;
import dev.canopy.shared.Actor;
import dev.canopy.shared.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every hour, on any node: reminds holders 60, 30 and 7 days before their certificate expires (once each: a sweep
 * that missed a window sends the latest one only), and tells an expiry once, after which the partner's certified
 * people drop. Each step is recorded before it is told, so two nodes sweeping at once tell it once.
 */
@Component
public class CertificationSweep {

    /** Days before expiry that remind the holder. */
    static final List<Integer> REMINDERS = List.of(60, 30, 7);

    private static final Logger log = LoggerFactory.getLogger(CertificationSweep.class);

    private final CertificateTable certificates;
    private final CertificateIssuer issuer;
    private final PartnerAccess partnerAccess;
    private final Branding branding;
    private final Mailer mailer;
    private final BaseUrl baseUrl;
    private final Formats formats;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CertificationSweep(
            CertificateTable certificates,
            CertificateIssuer issuer,
            PartnerAccess partnerAccess,
            Branding branding,
            Mailer mailer,
            BaseUrl baseUrl,
            Formats formats,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.certificates = certificates;
        this.issuer = issuer;
        this.partnerAccess = partnerAccess;
        this.branding = branding;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
        this.formats = formats;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${canopy.enablement.certification-sweep-delay:1h}",
            initialDelayString = "${canopy.enablement.certification-sweep-delay:1h}")
    void tick() {
        sweep();
    }

    /** Answers how many reminders and expiries were told. */
    public int sweep() {
        Instant now = clock.instant();
        int told = 0;
        for (CertificateTable.Due due : certificates.due(now)) {
            try {
                told += AsSystem.in(
                        due.workspace(), Actor.system(), () -> transactions.execute(status -> tell(due, now)));
            } catch (RuntimeException e) {
                log.error("Telling certificate {}'s expiry failed", due.id(), e);
            }
        }
        return told;
    }

    private int tell(CertificateTable.Due due, Instant now) {
        if (!now.isBefore(due.expiresAt())) {
            if (!certificates.markExpiryTold(due.id())) {
                return 0;
            }
            events.publishEvent(new CertificationExpired(
                    due.workspace(),
                    due.id(),
                    due.certification(),
                    due.partner(),
                    due.personId(),
                    due.person(),
                    due.expiresAt()));
            issuer.recordMetric(due.workspace(), due.partner(), now);
            return 1;
        }
        long seconds = Duration.between(now, due.expiresAt()).toSeconds();
        long daysLeft = (seconds + 86_399) / 86_400;
        Integer window = REMINDERS.stream()
                .filter(days -> daysLeft <= days)
                .reduce((a, b) -> b)
                .orElse(null);
        if (window == null || due.remindersSent().contains(window) || !certificates.markReminded(due.id(), window)) {
            return 0;
        }
        // Earlier windows a sweep missed are marked too, so that they are never sent late.
        REMINDERS.stream().filter(days -> days > window).forEach(days -> certificates.markReminded(due.id(), days));
        events.publishEvent(new CertificationExpiring(
                due.workspace(),
                due.id(),
                due.certification(),
                due.partner(),
                due.personId(),
                due.person(),
                window,
                due.expiresAt()));
        remind(due, window);
        return 1;
    }

    private void remind(CertificateTable.Due due, int days) {
        for (PartnerUserView user : partnerAccess.users(due.partner().value())) {
            if (user.id().equals(due.personId())) {
                Map<String, Object> model = new HashMap<>(branding.forMail(due.workspace()));
                model.put("name", user.displayName());
                model.put("certification", due.certification());
                model.put("expires", formats.longDate(due.expiresAt()));
                model.put("days", days);
                model.put("link", baseUrl.link("/portal/certifications"));
                mailer.sendAfterCommit(new OutgoingMail(
                        new EmailAddress(user.email()),
                        "Your certification expires in " + days + " days: " + due.certification(),
                        "certification-expiring",
                        model,
                        Set.of(due.workspace())));
            }
        }
    }
}
