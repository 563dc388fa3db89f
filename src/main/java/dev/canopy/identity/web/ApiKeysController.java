package dev.canopy.identity.web;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.ApiKeys;
import dev.canopy.platform.Forms;
import dev.canopy.shared.InvalidInputException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API keys: create one (its secret is shown this once), see when each was last used, revoke. */
@Controller
@RequestMapping("/app/api-keys")
@PreAuthorize("hasAuthority('api-keys:write')")
class ApiKeysController {

    record CreateForm(String name, String scope) {}

    private final ApiKeys apiKeys;

    ApiKeysController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CreateForm("", ApiKeyScope.READ_WRITE.name()));
        }
        model.addAttribute("keys", apiKeys.list());
        model.addAttribute("scopes", ApiKeyScope.values());
        return "identity/api-keys";
    }

    @PostMapping
    String create(@ModelAttribute("form") CreateForm form, BindingResult result, Model model) {
        return Forms.submit(
                result,
                () -> {
                    // Rendered in this response, not carried through a redirect: the secret never rests in the
                    // session.
                    model.addAttribute("created", apiKeys.create(form.name(), parseScope(form.scope())));
                    model.addAttribute("form", new CreateForm("", form.scope()));
                    return page(model);
                },
                () -> page(model));
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "flash", "Key " + apiKeys.revoke(id).prefix() + " revoked. Requests with it now fail.");
        return "redirect:/app/api-keys";
    }

    private static ApiKeyScope parseScope(String scope) {
        try {
            return scope == null || scope.isBlank() ? null : ApiKeyScope.valueOf(scope);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("scope", "Unknown scope '" + scope + "'");
        }
    }
}
