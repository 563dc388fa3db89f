package dev.canopy.identity.web;

import dev.canopy.identity.Role;
import dev.canopy.identity.Team;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;
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

/** The team page: who is in the workspace, with which role, and who has been invited. */
@Controller
@RequestMapping("/app/team")
class TeamController {

    record InviteForm(String email, String role) {}

    private final Team team;
    private final Clock clock;

    TeamController(Team team, Clock clock) {
        this.team = team;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('team:read')")
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new InviteForm("", Role.PARTNER_MANAGER.name()));
        }
        model.addAttribute("members", team.members());
        model.addAttribute("invitations", team.invitations());
        model.addAttribute("roles", Arrays.stream(Role.values()).toList());
        model.addAttribute(
                "invitableRoles",
                Arrays.stream(Role.values()).filter(Role::invitable).toList());
        model.addAttribute("now", clock.instant());
        return "identity/team";
    }

    @PostMapping("/invitations")
    @PreAuthorize("hasAuthority('team:write')")
    String invite(
            @ModelAttribute("form") InviteForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    team.invite(form.email(), form.role());
                    redirect.addFlashAttribute(
                            "flash", "Invitation sent to " + form.email().strip() + ".");
                    return "redirect:/app/team";
                },
                () -> page(model));
    }

    @PostMapping("/invitations/{id}/resend")
    @PreAuthorize("hasAuthority('team:write')")
    String resend(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, () -> "Invitation sent again to " + team.resend(id).email() + ".");
    }

    @PostMapping("/invitations/{id}/revoke")
    @PreAuthorize("hasAuthority('team:write')")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, () -> "Invitation for " + team.revoke(id).email() + " revoked.");
    }

    @PostMapping("/members/{accountId}/role")
    @PreAuthorize("hasAuthority('team:write')")
    String changeRole(@PathVariable UUID accountId, @RequestParam String role, RedirectAttributes redirect) {
        return act(redirect, () -> {
            var member = team.changeRole(accountId, role);
            return member.displayName() + " is now " + member.role().label() + ".";
        });
    }

    @PostMapping("/members/{accountId}/remove")
    @PreAuthorize("hasAuthority('team:write')")
    String remove(@PathVariable UUID accountId, RedirectAttributes redirect) {
        return act(redirect, () -> {
            team.remove(accountId);
            return "Removed from the workspace.";
        });
    }

    private static String act(RedirectAttributes redirect, Supplier<String> action) {
        return Flash.after(redirect, "/app/team", action);
    }
}
