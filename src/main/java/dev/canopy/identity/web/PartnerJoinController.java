package dev.canopy.identity.web;

import dev.canopy.identity.Branding;
import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.PartnerUserView;
import dev.canopy.identity.security.PartnerUsers;
import dev.canopy.identity.security.SignIn;
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

/** Where a partner user's invitation email leads: choose a password and enter the portal. */
@Controller
class PartnerJoinController {

    record JoinForm(String displayName, String password) {}

    private final PartnerAccess access;
    private final Branding branding;
    private final PartnerUsers partnerUsers;
    private final SignIn signIn;

    PartnerJoinController(PartnerAccess access, PartnerUsers partnerUsers, SignIn signIn, Branding branding) {
        this.access = access;
        this.branding = branding;
        this.partnerUsers = partnerUsers;
        this.signIn = signIn;
    }

    @GetMapping("/portal/join/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<PartnerAccess.OpenInvitation> invitation = access.openInvitation(token);
        invitation.ifPresent(i -> model.addAttribute("form", new JoinForm(i.displayName(), "")));
        return page(token, invitation, model, response);
    }

    @PostMapping("/portal/join/{token}")
    String join(
            @PathVariable String token,
            @ModelAttribute("form") JoinForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        PartnerUserView joined;
        try {
            joined = access.join(token, form.displayName(), form.password());
        } catch (InvalidInputException e) {
            Forms.reject(result, e);
            return page(token, access.openInvitation(token), model, response);
        } catch (ConflictException | NotFoundException e) {
            return page(token, access.openInvitation(token), model, response);
        }
        signIn.as(partnerUsers.loadUserByUsername(joined.email()), request, response);
        return "redirect:/portal";
    }

    private String page(
            String token,
            Optional<PartnerAccess.OpenInvitation> invitation,
            Model model,
            HttpServletResponse response) {
        if (invitation.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "public/invitation-gone";
        }
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("token", token);
        // The vendor's brand: the page is the partner's first sight of its portal.
        model.addAttribute(
                "brand", branding.bySlug(invitation.get().workspaceSlug()).orElse(null));
        return "public/partner-join";
    }
}
