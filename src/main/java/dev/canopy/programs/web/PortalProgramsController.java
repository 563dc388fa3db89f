package dev.canopy.programs.web;

import dev.canopy.programs.Memberships;
import dev.canopy.programs.MyProgram;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.ConflictException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner's programmes in the portal: tier, progress to the next tier, and the terms to accept. */
@Controller
@RequestMapping("/portal/programs")
@PreAuthorize("hasRole('PARTNER')")
class PortalProgramsController {

    private final Memberships memberships;
    private final MessageSourceAccessor messages;

    PortalProgramsController(Memberships memberships, MessageSourceAccessor messages) {
        this.memberships = memberships;
        this.messages = messages;
    }

    @GetMapping
    String mine(Model model) {
        model.addAttribute("programs", memberships.mine());
        return "programs/portal/programs";
    }

    @GetMapping("/{id}/terms")
    String terms(@PathVariable UUID id, Model model) {
        MyProgram program = memberships.mine(new ProgramId(id));
        model.addAttribute("mine", program);
        model.addAttribute("pendingElsewhere", memberships.pendingTerms().size());
        return "programs/portal/terms";
    }

    @PostMapping("/{id}/terms")
    String accept(@PathVariable UUID id, @RequestParam(defaultValue = "0") int version, RedirectAttributes redirect) {
        try {
            MyProgram accepted = memberships.acceptTerms(new ProgramId(id), version);
            redirect.addFlashAttribute("flash", messages.getMessage("programs.terms.accepted", new Object[] {
                version, accepted.program().name()
            }));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/portal/programs/" + id + "/terms";
        }
        List<ProgramId> pending = memberships.pendingTerms();
        return pending.isEmpty()
                ? "redirect:/portal/programs"
                : "redirect:/portal/programs/" + pending.getFirst() + "/terms";
    }
}
