package dev.canopy.identity.web;

import dev.canopy.identity.Team;
import dev.canopy.identity.security.SignIn;
import dev.canopy.identity.security.VendorAccounts;
import dev.canopy.platform.Forms;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page an invitation email links to: join the workspace, creating an account if needed. */
@Controller
class InvitationController {

    record AcceptForm(String displayName, String password) {}

    private final Team team;
    private final VendorAccounts vendorAccounts;
    private final SignIn signIn;

    InvitationController(Team team, VendorAccounts vendorAccounts, SignIn signIn) {
        this.team = team;
        this.vendorAccounts = vendorAccounts;
        this.signIn = signIn;
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        model.addAttribute("form", new AcceptForm("", ""));
        return page(token, model, response);
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable String token,
            @ModelAttribute("form") AcceptForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Team.Joined joined;
        try {
            joined = team.accept(token, form.displayName(), form.password());
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return page(token, model, response);
        } catch (ConflictException | NotFoundException e) {
            return page(token, model, response);
        }
        signIn.as(vendorAccounts.load(joined.accountId(), joined.workspaceId()).orElseThrow(), request, response);
        redirect.addFlashAttribute("flash", "You joined the workspace. Welcome aboard!");
        return "redirect:/app";
    }

    private String page(String token, Model model, HttpServletResponse response) {
        Optional<Team.OpenInvitation> invitation = team.openInvitation(token);
        if (invitation.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "public/invitation-gone";
        }
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("token", token);
        return "public/invitation";
    }
}
