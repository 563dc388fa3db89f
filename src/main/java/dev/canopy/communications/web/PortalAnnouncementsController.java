package dev.canopy.communications.web;

import dev.canopy.communications.Announcements;
import dev.canopy.communications.MyAnnouncement;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The partner's announcements: the live ones its segment admits, unread first; an announcement's page, which
 * records the reading with a POST once it is shown (htmx on load; without script, the page's button), since a GET
 * never writes. Anything else answers 404.
 */
@Controller
@RequestMapping("/portal/announcements")
@PreAuthorize("hasRole('PARTNER')")
class PortalAnnouncementsController {

    private final Announcements announcements;

    PortalAnnouncementsController(Announcements announcements) {
        this.announcements = announcements;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("announcements", announcements.mine());
        return "communications/portal/announcements";
    }

    @GetMapping("/{id}")
    String page(@PathVariable UUID id, Model model) {
        MyAnnouncement mine = announcements.open(id);
        model.addAttribute("mine", mine);
        model.addAttribute("announcement", mine.announcement());
        model.addAttribute("html", announcements.html(mine.announcement()));
        return "communications/portal/announcement";
    }

    /** The read receipt: 204 for htmx, else back to the announcement. */
    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(
            @PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        announcements.markRead(id);
        if (htmx != null) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(303)
                .header("Location", "/portal/announcements/" + id)
                .build();
    }
}
