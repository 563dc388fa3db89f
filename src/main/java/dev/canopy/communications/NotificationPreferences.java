package dev.canopy.communications;

import dev.canopy.communications.internal.PreferenceTable;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each partner user's choice per {@link NotificationKind}; a kind never chosen is {@link Delivery#DEFAULT}. */
@Service
public class NotificationPreferences {

    private final PreferenceTable table;
    private final Clock clock;

    NotificationPreferences(PreferenceTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** Every kind with the user's choice for it, in the kinds' order. */
    @Transactional(readOnly = true)
    public Map<NotificationKind, Delivery> choices(WorkspaceId workspace, UUID partnerUser) {
        Map<NotificationKind, Delivery> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            choices.put(kind, Delivery.DEFAULT);
        }
        choices.putAll(table.chosen(workspace, partnerUser));
        return choices;
    }

    @Transactional
    public void choose(WorkspaceId workspace, UUID partnerUser, NotificationKind kind, Delivery delivery) {
        table.save(workspace, partnerUser, kind, delivery, clock.instant());
    }

    /** Several choices at once (the portal's settings form): all saved, or none. */
    @Transactional
    public void chooseAll(WorkspaceId workspace, UUID partnerUser, Map<NotificationKind, Delivery> chosen) {
        Instant now = clock.instant();
        chosen.forEach((kind, delivery) -> table.save(workspace, partnerUser, kind, delivery, now));
    }

    /** Whether the user takes this kind by e-mail at once. */
    @Transactional(readOnly = true)
    public boolean emailsAtOnce(WorkspaceId workspace, UUID partnerUser, NotificationKind kind) {
        return choices(workspace, partnerUser).get(kind) == Delivery.EMAIL;
    }
}
