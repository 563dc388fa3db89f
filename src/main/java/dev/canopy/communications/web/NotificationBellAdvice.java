package dev.canopy.communications.web;

import dev.canopy.communications.Notifications;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The portal's bar shows the bell on every page: the signed-in partner user's unread count and latest few. */
@ControllerAdvice(annotations = Controller.class)
class NotificationBellAdvice {

    private final Notifications notifications;

    NotificationBellAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    /** Null for staff and visitors: the layout draws no bell. */
    @ModelAttribute("bell")
    Notifications.Bell bell() {
        return notifications.bell().orElse(null);
    }
}
