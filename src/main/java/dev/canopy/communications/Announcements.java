package dev.canopy.communications;

import dev.canopy.audit.AuditLog;
import dev.canopy.communications.internal.AnnouncementChecks;
import dev.canopy.communications.internal.AnnouncementReadTable;
import dev.canopy.communications.internal.AnnouncementTable;
import dev.canopy.communications.internal.AnnouncementTelling;
import dev.canopy.communications.internal.NotificationTable;
import dev.canopy.communications.internal.PortalUsers;
import dev.canopy.enablement.Audiences;
import dev.canopy.enablement.Viewer;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.RichText;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announcements to a segment of partners: staff write one (a Markdown body, pinned or not, shown from a date until
 * another), publish it — its segment's users are notified as each chose, and {@link AnnouncementPublished} is
 * published — and archive it. Partner users see the live ones their company's audience admits, and opening one
 * records that they read it. Read receipts: {@link AnnouncementReceipts}.
 */
@Service
public class Announcements {

    private final AnnouncementTable table;
    private final AnnouncementReadTable reads;
    private final NotificationTable notifications;
    private final AnnouncementChecks checks;
    private final AnnouncementTelling telling;
    private final Audiences audiences;
    private final PortalUsers portalUsers;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    Announcements(
            AnnouncementTable table,
            AnnouncementReadTable reads,
            NotificationTable notifications,
            AnnouncementChecks checks,
            AnnouncementTelling telling,
            Audiences audiences,
            PortalUsers portalUsers,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.table = table;
        this.reads = reads;
        this.notifications = notifications;
        this.checks = checks;
        this.telling = telling;
        this.audiences = audiences;
        this.portalUsers = portalUsers;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    /** Newest first; archived ones too when asked. */
    @Transactional(readOnly = true)
    public List<AnnouncementView> list(boolean archived) {
        Instant now = clock.instant();
        return table.list(currentWorkspace.id(), archived).stream()
                .map(r -> view(r, now))
                .toList();
    }

    @Transactional(readOnly = true)
    public AnnouncementView get(UUID id) {
        return view(row(id), clock.instant());
    }

    /** A draft: partners see nothing until it is published. */
    @Transactional
    public AnnouncementView create(AnnouncementInput input) {
        AnnouncementTable.Fields fields = checks.check(input);
        UUID id = UUID.randomUUID();
        table.insert(currentWorkspace.id(), id, fields, currentWorkspace.actor().name(), clock.instant());
        AnnouncementView created = get(id);
        audit.record("announcement.created", "announcement", id, null, created);
        return created;
    }

    /** Changes what it says, when and to whom; partners already notified are not notified again. */
    @Transactional
    public AnnouncementView update(UUID id, AnnouncementInput input) {
        AnnouncementView before = get(id);
        AnnouncementTable.Fields fields = checks.check(input);
        if (!table.update(currentWorkspace.id(), id, fields, clock.instant())) {
            throw new ConflictException("id", "An archived announcement cannot change");
        }
        AnnouncementView after = get(id);
        audit.record("announcement.updated", "announcement", id, before, after);
        return after;
    }

    /** Its segment is told at once, or when its publish date comes. */
    @Transactional
    public AnnouncementView publish(UUID id) {
        AnnouncementView before = get(id);
        WorkspaceId workspace = currentWorkspace.id();
        if (!table.publish(workspace, id, clock.instant())) {
            throw new ConflictException(
                    "id", before.archivedAt() != null ? "It is archived" : "It is published already");
        }
        telling.tell(workspace, id);
        AnnouncementView after = get(id);
        audit.record("announcement.published", "announcement", id, before, after);
        return after;
    }

    /** Partners no longer see it; its receipts stay. */
    @Transactional
    public AnnouncementView archive(UUID id) {
        AnnouncementView before = get(id);
        if (!table.archive(currentWorkspace.id(), id, clock.instant())) {
            throw new ConflictException("id", "It is archived already");
        }
        AnnouncementView after = get(id);
        audit.record("announcement.archived", "announcement", id, before, after);
        return after;
    }

    /** The body as safe HTML. */
    public String html(AnnouncementView announcement) {
        return RichText.forPage(announcement.body());
    }

    /** The live announcements for the signed-in partner user: unread first, then pinned, then newest. */
    @Transactional(readOnly = true)
    public List<MyAnnouncement> mine() {
        PortalUsers.Me me = portalUsers.me();
        Viewer viewer = audiences.viewer(me.partner());
        Set<UUID> read = reads.readBy(me.workspace(), me.user());
        Instant now = clock.instant();
        return table.live(me.workspace(), now).stream()
                .filter(r -> r.audience().admits(viewer))
                .map(r -> new MyAnnouncement(view(r, now), read.contains(r.id())))
                .sorted(Comparator.comparing(MyAnnouncement::read))
                .toList();
    }

    /** The signed-in partner's pinned announcements, for the portal's home. */
    @Transactional(readOnly = true)
    public List<MyAnnouncement> pinnedForMe() {
        return mine().stream().filter(m -> m.announcement().pinned()).toList();
    }

    /** One the signed-in partner user may see; any other answers as if it did not exist. */
    @Transactional(readOnly = true)
    public MyAnnouncement open(UUID id) {
        return mine().stream()
                .filter(m -> m.announcement().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("announcement " + id));
    }

    /** Records that the signed-in partner user read it (once, however often they open it), and its notification. */
    @Transactional
    public void markRead(UUID id) {
        open(id);
        PortalUsers.Me me = portalUsers.me();
        Instant now = clock.instant();
        reads.markRead(me.workspace(), id, me.user(), me.partner().value(), now);
        notifications.markReadByLink(me.workspace(), me.user(), "/portal/announcements/" + id, now);
    }

    private AnnouncementTable.Row row(UUID id) {
        return table.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("announcement " + id));
    }

    private static AnnouncementView view(AnnouncementTable.Row r, Instant now) {
        return new AnnouncementView(
                r.id(),
                r.title(),
                r.body(),
                r.pinned(),
                r.publishAt(),
                r.expiresAt(),
                r.audience(),
                AnnouncementState.of(r.publishedAt(), r.publishAt(), r.expiresAt(), r.archivedAt(), now),
                r.publishedAt(),
                r.archivedAt(),
                r.createdBy(),
                r.createdAt(),
                r.updatedAt());
    }
}
