package dev.canopy.programs.web;

import dev.canopy.platform.Flash;
import dev.canopy.programs.ApplicationQuery;
import dev.canopy.programs.ApplicationStatus;
import dev.canopy.programs.ApplicationView;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.Programs;
import dev.canopy.programs.Recruitment;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The applications inbox: scores, filters by programme and status, approval and rejection with a reason. */
@Controller
@RequestMapping("/app/applications")
class ApplicationsController {

    static final int PAGE_SIZE = 50;

    private final Recruitment recruitment;
    private final Programs programs;

    ApplicationsController(Recruitment recruitment, Programs programs) {
        this.recruitment = recruitment;
        this.programs = programs;
    }

    /** Waiting applications unless {@code status} says otherwise ("ALL" for every status). */
    @GetMapping
    @PreAuthorize("hasAuthority('programs:read')")
    String inbox(
            @RequestParam(required = false) UUID program,
            @RequestParam(defaultValue = "PENDING") String status,
            @RequestParam(required = false) Long before,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        ApplicationStatus filter = parseStatus(status);
        model.addAttribute(
                "page",
                recruitment.applications(new ApplicationQuery(
                        program == null ? null : new ProgramId(program), filter, before, PAGE_SIZE)));
        model.addAttribute("programs", programs.list());
        model.addAttribute("program", program);
        model.addAttribute("status", filter == null ? "ALL" : filter.name());
        model.addAttribute("statuses", Arrays.asList(ApplicationStatus.values()));
        return htmx != null && before != null ? "programs/applications :: rows" : "programs/applications";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('programs:read')")
    String application(@PathVariable UUID id, Model model) {
        ApplicationView application = recruitment.application(id);
        model.addAttribute("app", application);
        return "programs/application";
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('programs:write')")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/applications/" + id, () -> {
            ApplicationView approved = recruitment.approve(id);
            return approved.companyName() + " is approved: " + approved.contactEmail()
                    + " is invited to the partner portal.";
        });
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('programs:write')")
    String reject(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            RedirectAttributes redirect) {
        try {
            ApplicationView rejected = recruitment.reject(id, reason);
            redirect.addFlashAttribute(
                    "flash", rejected.companyName() + " is declined; " + rejected.contactEmail() + " is told why.");
        } catch (InvalidInputException e) {
            model.addAttribute("reasonError", e.problems().getFirst().message());
            model.addAttribute("reason", reason);
            return application(id, model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/app/applications/" + id;
    }

    private static ApplicationStatus parseStatus(String status) {
        if (status.isBlank() || status.equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return ApplicationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ApplicationStatus.PENDING;
        }
    }
}
