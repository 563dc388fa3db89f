package dev.canopy.communications.internal;

import dev.canopy.communications.Delivery;
import dev.canopy.communications.NotificationPreferences;
import dev.canopy.communications.NotificationTopic;
import dev.canopy.identity.Branding;
import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.PartnerUserView;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Mailer;
import dev.canopy.platform.OutgoingMail;
import dev.canopy.shared.Actor;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Makes a notification for each joined user of a partner, in the caller's transaction, and honours each user's
 * delivery for its kind: e-mailed once that transaction commits, kept for the daily digest, or the portal only. A
 * notification whose cause already mailed the person (a certification reminder) is never mailed again.
 */
@Component
public class NotificationSender {

    /** What to tell, and whom among the partner's users. */
    public record Notice(
            WorkspaceId workspace,
            PartnerId partner,
            Predicate<PartnerUserView> who,
            NotificationTopic topic,
            String subject,
            String link,
            String source,
            boolean mailedByItsCause) {}

    private final NotificationTable notifications;
    private final NotificationPreferences preferences;
    private final PartnerAccess partnerAccess;
    private final Branding branding;
    private final Mailer mailer;
    private final BaseUrl baseUrl;
    private final Clock clock;

    NotificationSender(
            NotificationTable notifications,
            NotificationPreferences preferences,
            PartnerAccess partnerAccess,
            Branding branding,
            Mailer mailer,
            BaseUrl baseUrl,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.partnerAccess = partnerAccess;
        this.branding = branding;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** Answers how many users were notified (a replayed cause notifies no one again). */
    public int send(Notice notice) {
        return AsSystem.in(notice.workspace(), Actor.system(), () -> {
            Instant now = clock.instant();
            int told = 0;
            for (PartnerUserView user : partnerAccess.users(notice.partner().value())) {
                if (user.joined() && notice.who().test(user) && tell(notice, user, now)) {
                    told++;
                }
            }
            return told;
        });
    }

    private boolean tell(Notice notice, PartnerUserView user, Instant now) {
        NotificationTable.Mail mail = notice.mailedByItsCause()
                ? NotificationTable.Mail.NONE
                : mail(preferences
                        .choices(notice.workspace(), user.id())
                        .get(notice.topic().kind()));
        NotificationTable.New row = new NotificationTable.New(
                notice.partner().value(), user.id(), notice.topic(), notice.subject(), notice.link(), notice.source());
        if (!notifications.insert(notice.workspace(), UUID.randomUUID(), row, mail, now)) {
            return false;
        }
        if (mail == NotificationTable.Mail.AT_ONCE) {
            Map<String, Object> model = new HashMap<>(branding.forMail(notice.workspace()));
            model.put("name", user.displayName());
            model.put("text", notice.topic().words(notice.subject()));
            model.put("link", baseUrl.link(notice.link()));
            model.put("settings", baseUrl.link("/portal/notifications/settings"));
            mailer.sendAfterCommit(new OutgoingMail(
                    new EmailAddress(user.email()),
                    notice.topic().words(notice.subject()),
                    "notification",
                    model,
                    Set.of(notice.workspace())));
        }
        return true;
    }

    private static NotificationTable.Mail mail(Delivery delivery) {
        return switch (delivery) {
            case EMAIL -> NotificationTable.Mail.AT_ONCE;
            case DAILY_DIGEST -> NotificationTable.Mail.DIGEST;
            case IN_APP -> NotificationTable.Mail.NONE;
        };
    }
}
