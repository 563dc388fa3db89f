package dev.canopy.communications.internal;

import dev.canopy.communications.AnnouncementPublished;
import dev.canopy.communications.NotificationTopic;
import dev.canopy.enablement.Audiences;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * An announcement reaches its segment once: the telling is claimed in the database (told_at), then each admitted
 * partner's users get a notification and {@link AnnouncementPublished} is published, all in one transaction. Called
 * in the current workspace, by publishing or by the release job when a publish date comes.
 */
@Component
public class AnnouncementTelling {

    private final AnnouncementTable announcements;
    private final Audiences audiences;
    private final NotificationSender sender;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AnnouncementTelling(
            AnnouncementTable announcements,
            Audiences audiences,
            NotificationSender sender,
            ApplicationEventPublisher events,
            Clock clock) {
        this.announcements = announcements;
        this.audiences = audiences;
        this.sender = sender;
        this.events = events;
        this.clock = clock;
    }

    /** Answers whether this call told it (false when told already, or not due). */
    public boolean tell(WorkspaceId workspace, UUID id) {
        Instant now = clock.instant();
        AnnouncementTable.Row row = announcements.find(workspace, id).orElse(null);
        if (row == null
                || (row.publishAt() != null && row.publishAt().isAfter(now))
                || !announcements.markTold(workspace, id, now)) {
            return false;
        }
        List<PartnerView> admitted = audiences.admitted(row.audience());
        for (PartnerView partner : admitted) {
            sender.send(new NotificationSender.Notice(
                    workspace,
                    partner.id(),
                    user -> true,
                    NotificationTopic.ANNOUNCEMENT,
                    row.title(),
                    "/portal/announcements/" + id,
                    "announcement:" + id,
                    false));
        }
        events.publishEvent(new AnnouncementPublished(
                workspace,
                id,
                row.title(),
                row.pinned(),
                admitted.stream().map(PartnerView::id).collect(Collectors.<PartnerId>toSet()),
                now));
        return true;
    }
}
