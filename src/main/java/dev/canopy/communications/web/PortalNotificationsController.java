package dev.canopy.communications.web;

import dev.canopy.communications.Delivery;
import dev.canopy.communications.NotificationKind;
import dev.canopy.communications.NotificationPreferences;
import dev.canopy.communications.Notifications;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner user's notifications (the bell's full list; opening one marks it read and follows its link; all
 * read at once) and their choice per kind: in the portal only, e-mail at once, or a daily digest.
 */
@Controller
@RequestMapping("/portal/notifications")
@PreAuthorize("hasRole('PARTNER')")
class PortalNotificationsController {

    private final Notifications notifications;
    private final NotificationPreferences preferences;
    private final CurrentWorkspace currentWorkspace;
    private final MessageSource messages;

    PortalNotificationsController(
            Notifications notifications,
            NotificationPreferences preferences,
            CurrentWorkspace currentWorkspace,
            MessageSource messages) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.currentWorkspace = currentWorkspace;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("notifications", notifications.latest());
        return "communications/portal/notifications";
    }

    @PostMapping("/{id}/read")
    String open(@PathVariable UUID id) {
        return "redirect:" + notifications.markRead(id);
    }

    @PostMapping("/read-all")
    String readAll(RedirectAttributes redirect) {
        notifications.markAllRead();
        redirect.addFlashAttribute("flash", text("communications.notifications.allRead"));
        return "redirect:/portal/notifications";
    }

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("choices", preferences.choices(currentWorkspace.id(), me()));
        model.addAttribute("deliveries", Delivery.values());
        return "communications/portal/settings";
    }

    /** One form: a delivery per kind; a kind left out keeps its choice, an unknown delivery changes nothing. */
    @PostMapping("/settings")
    String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<NotificationKind, Delivery> chosen = new LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.values()) {
            String value = form.get(kind.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                chosen.put(kind, Delivery.valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(kind.name(), "Choose IN_APP, EMAIL or DAILY_DIGEST");
            }
        }
        preferences.chooseAll(currentWorkspace.id(), me(), chosen);
        redirect.addFlashAttribute("flash", text("communications.settings.saved"));
        return "redirect:/portal/notifications/settings";
    }

    private UUID me() {
        Actor actor = currentWorkspace.actor();
        return UUID.fromString(actor.id());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
