package dev.canopy.communications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One of a partner user's notifications: what it says, where it leads in the portal, and when they read it. */
public record NotificationView(
        UUID id,
        NotificationTopic topic,
        String subject,
        String link,
        Instant createdAt,
        @Nullable Instant readAt) {

    public NotificationKind kind() {
        return topic.kind();
    }

    public boolean unread() {
        return readAt == null;
    }

    /** In English, as e-mails say it. */
    public String text() {
        return topic.words(subject);
    }
}
