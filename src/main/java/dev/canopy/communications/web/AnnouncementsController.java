package dev.canopy.communications.web;

import dev.canopy.communications.AnnouncementReceipts;
import dev.canopy.communications.AnnouncementState;
import dev.canopy.communications.AnnouncementView;
import dev.canopy.communications.Announcements;
import dev.canopy.enablement.Audiences;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Co-marketing → Announcements: the list with each one's read receipts, a new announcement, an announcement's page
 * (edit it, who read it, partner by partner), publishing and archiving.
 */
@Controller
@RequestMapping("/app/announcements")
class AnnouncementsController {

    private final Announcements announcements;
    private final AnnouncementReceipts receipts;
    private final Audiences audiences;

    AnnouncementsController(Announcements announcements, AnnouncementReceipts receipts, Audiences audiences) {
        this.announcements = announcements;
        this.receipts = receipts;
        this.audiences = audiences;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('announcements:read')")
    String list(@RequestParam(defaultValue = "false") boolean archived, Model model) {
        List<AnnouncementView> listed = announcements.list(archived);
        model.addAttribute("announcements", listed);
        model.addAttribute("receipts", receipts.receipts(listed));
        model.addAttribute("archived", archived);
        return "communications/announcements";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('announcements:write')")
    String form(Model model) {
        model.addAttribute("form", AnnouncementForm.blank());
        return newForm(model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('announcements:write')")
    String create(
            @ModelAttribute("form") AnnouncementForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    AnnouncementView created = announcements.create(form.input());
                    redirect.addFlashAttribute("flash", "“" + created.title() + "” is a draft: publish it when ready.");
                    return "redirect:/app/announcements/" + created.id();
                },
                () -> newForm(model));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('announcements:read')")
    String page(@PathVariable UUID id, Model model) {
        AnnouncementView announcement = announcements.get(id);
        model.addAttribute("announcement", announcement);
        model.addAttribute("html", announcements.html(announcement));
        model.addAttribute("receipts", receipts.receipts(id));
        model.addAttribute("editable", announcement.state() != AnnouncementState.ARCHIVED);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", AnnouncementForm.of(announcement));
        }
        model.addAttribute("choices", audiences.choices());
        return "communications/announcement";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('announcements:write')")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") AnnouncementForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    announcements.update(id, form.input());
                    redirect.addFlashAttribute("flash", "Saved.");
                    return "redirect:/app/announcements/" + id;
                },
                () -> page(id, model));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('announcements:write')")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/announcements/" + id, () -> {
            AnnouncementView published = announcements.publish(id);
            return published.state() == AnnouncementState.SCHEDULED
                    ? "Scheduled: its partners are told when its publish date comes."
                    : "Published: its partners see it in the portal and are notified as each chose.";
        });
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasAuthority('announcements:write')")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/announcements/" + id, () -> {
            announcements.archive(id);
            return "Archived: partners no longer see it; its read receipts stay.";
        });
    }

    private String newForm(Model model) {
        model.addAttribute("choices", audiences.choices());
        return "communications/announcement-new";
    }
}
