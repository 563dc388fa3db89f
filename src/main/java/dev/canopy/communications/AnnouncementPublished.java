package dev.canopy.communications;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An announcement reached its segment: published by staff (or its publish date came) and its partners' users
 * notified; {@code partners} are the partners its audience admitted then.
 */
public record AnnouncementPublished(
        WorkspaceId workspace, UUID announcement, String title, boolean pinned, Set<PartnerId> partners, Instant at)
        implements DomainEvent {

    public AnnouncementPublished {
        partners = Set.copyOf(partners);
    }
}
