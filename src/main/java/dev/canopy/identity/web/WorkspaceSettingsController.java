package dev.canopy.identity.web;

import dev.canopy.identity.Branding;
import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.identity.security.SignIn;
import dev.canopy.identity.security.VendorAccounts;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.platform.Forms;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Workspace settings, and switching to another workspace the same person belongs to. */
@Controller
class WorkspaceSettingsController {

    record SettingsForm(String name, String website, String timezone, String currency) {
        static SettingsForm of(WorkspaceView workspace) {
            return new SettingsForm(
                    workspace.name(),
                    workspace.website() == null ? "" : workspace.website(),
                    workspace.timezone(),
                    workspace.currency());
        }
    }

    private final Workspaces workspaces;
    private final Branding branding;
    private final VendorAccounts vendorAccounts;
    private final SignIn signIn;

    WorkspaceSettingsController(
            Workspaces workspaces, VendorAccounts vendorAccounts, SignIn signIn, Branding branding) {
        this.workspaces = workspaces;
        this.branding = branding;
        this.vendorAccounts = vendorAccounts;
        this.signIn = signIn;
    }

    @GetMapping("/app/settings")
    @PreAuthorize("hasAuthority('workspace:write')")
    String page(Model model) {
        WorkspaceView workspace = workspaces.current();
        model.addAttribute("workspace", workspace);
        model.addAttribute("brand", branding.current());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SettingsForm.of(workspace));
        }
        model.addAttribute(
                "timezones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        model.addAttribute(
                "currencies",
                Currency.getAvailableCurrencies().stream()
                        .map(Currency::getCurrencyCode)
                        .sorted()
                        .toList());
        return "identity/settings";
    }

    @PostMapping("/app/settings")
    @PreAuthorize("hasAuthority('workspace:write')")
    String save(
            @ModelAttribute("form") SettingsForm form,
            BindingResult result,
            Model model,
            @AuthenticationPrincipal VendorUser me,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    workspaces.update(
                            new Workspaces.Settings(form.name(), form.website(), form.timezone(), form.currency()));
                    // The layout shows the workspace's name from the session's principal: refresh it.
                    signIn.as(
                            vendorAccounts
                                    .load(me.accountId(), me.workspaceId())
                                    .orElseThrow(),
                            request,
                            response);
                    redirect.addFlashAttribute("flash", "Settings saved.");
                    return "redirect:/app/settings";
                },
                () -> page(model));
    }

    @PostMapping("/app/workspaces/{id}/switch")
    String switchTo(
            @PathVariable UUID id,
            @AuthenticationPrincipal VendorUser me,
            HttpServletRequest request,
            HttpServletResponse response) {
        VendorUser switched = vendorAccounts
                .load(me.accountId(), new WorkspaceId(id))
                .orElseThrow(() -> new NotFoundException("Workspace"));
        signIn.as(switched, request, response);
        return "redirect:/app";
    }
}
