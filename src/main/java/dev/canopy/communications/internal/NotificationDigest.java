package dev.canopy.communications.internal;

import dev.canopy.communications.NotificationView;
import dev.canopy.identity.Branding;
import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.PartnerUserView;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Mailer;
import dev.canopy.platform.OutgoingMail;
import dev.canopy.shared.Actor;
import dev.canopy.shared.EmailAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day, on any node: one e-mail per partner user who chose the daily digest for some kind, listing what they
 * were notified of since their last digest. The notifications are marked mailed in the transaction that queues the
 * e-mail (sent after it commits), so a second run, or a second node, sends nothing again.
 */
@Component
public class NotificationDigest {

    /** One line of a digest. */
    public record Line(String text, String link) {}

    private static final Logger log = LoggerFactory.getLogger(NotificationDigest.class);

    private final NotificationTable notifications;
    private final PartnerAccess partnerAccess;
    private final Branding branding;
    private final Mailer mailer;
    private final BaseUrl baseUrl;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NotificationDigest(
            NotificationTable notifications,
            PartnerAccess partnerAccess,
            Branding branding,
            Mailer mailer,
            BaseUrl baseUrl,
            TransactionTemplate transactions,
            Clock clock) {
        this.notifications = notifications;
        this.partnerAccess = partnerAccess;
        this.branding = branding;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${canopy.communications.digest-cron:0 0 7 * * *}", zone = "UTC")
    void daily() {
        run();
    }

    /** Answers how many digests were sent. */
    public int run() {
        int sent = 0;
        for (NotificationTable.DigestDue due : notifications.digestsDue()) {
            try {
                Integer one =
                        AsSystem.in(due.workspace(), Actor.system(), () -> transactions.execute(status -> send(due)));
                sent += one == null ? 0 : one;
            } catch (RuntimeException e) {
                log.error("The daily digest of partner user {} failed", due.partnerUserId(), e);
            }
        }
        return sent;
    }

    private int send(NotificationTable.DigestDue due) {
        PartnerUserView user = partnerAccess.users(due.partnerId()).stream()
                .filter(u -> u.id().equals(due.partnerUserId()))
                .findFirst()
                .orElse(null);
        List<NotificationView> claimed =
                notifications.claimDigest(due.workspace(), due.partnerUserId(), clock.instant());
        if (user == null || claimed.isEmpty()) {
            return 0;
        }
        Map<String, Object> model = new HashMap<>(branding.forMail(due.workspace()));
        model.put("name", user.displayName());
        model.put(
                "lines",
                claimed.stream()
                        .map(n -> new Line(n.text(), baseUrl.link(n.link())))
                        .toList());
        model.put("link", baseUrl.link("/portal/notifications"));
        model.put("settings", baseUrl.link("/portal/notifications/settings"));
        mailer.sendAfterCommit(new OutgoingMail(
                new EmailAddress(user.email()),
                "Your daily digest: " + claimed.size() + (claimed.size() == 1 ? " notification" : " notifications"),
                "notification-digest",
                model,
                Set.of(due.workspace())));
        return 1;
    }
}
