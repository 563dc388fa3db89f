package dev.canopy.communications;

import dev.canopy.communications.internal.NotificationTable;
import dev.canopy.communications.internal.PortalUsers;
import dev.canopy.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in partner user's own notifications (the portal's bell): the latest, how many are unread, and marking
 * one or all read. Another user's notification answers as if it did not exist.
 */
@Service
public class Notifications {

    /** What the bell shows: the unread count and the latest few. */
    public record Bell(long unread, List<NotificationView> latest) {}

    public static final int BELL_SIZE = 5;
    public static final int PAGE_SIZE = 50;

    private final NotificationTable table;
    private final PortalUsers portalUsers;
    private final Clock clock;

    Notifications(NotificationTable table, PortalUsers portalUsers, Clock clock) {
        this.table = table;
        this.portalUsers = portalUsers;
        this.clock = clock;
    }

    /** The bell, or none when nobody from a partner is signed in. */
    @Transactional(readOnly = true)
    public Optional<Bell> bell() {
        return portalUsers
                .current()
                .map(me -> new Bell(
                        table.unread(me.workspace(), me.user()), table.latest(me.workspace(), me.user(), BELL_SIZE)));
    }

    @Transactional(readOnly = true)
    public List<NotificationView> latest() {
        PortalUsers.Me me = portalUsers.me();
        return table.latest(me.workspace(), me.user(), PAGE_SIZE);
    }

    @Transactional(readOnly = true)
    public long unread() {
        PortalUsers.Me me = portalUsers.me();
        return table.unread(me.workspace(), me.user());
    }

    /** Marks one read; answers where it leads. */
    @Transactional
    public String markRead(UUID id) {
        PortalUsers.Me me = portalUsers.me();
        return table.markRead(me.workspace(), me.user(), id, clock.instant())
                .orElseThrow(() -> new NotFoundException("notification " + id));
    }

    @Transactional
    public int markAllRead() {
        PortalUsers.Me me = portalUsers.me();
        return table.markAllRead(me.workspace(), me.user(), clock.instant());
    }
}
