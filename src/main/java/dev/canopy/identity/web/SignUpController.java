package dev.canopy.identity.web;

import dev.canopy.identity.Workspaces;
import dev.canopy.identity.security.SignIn;
import dev.canopy.identity.security.VendorAccounts;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A vendor company signs up: a workspace, its address (slug) and its first owner, signed in at once. */
@Controller
class SignUpController {

    record SignUpForm(String companyName, String slug, String ownerName, String email, String password) {
        static SignUpForm empty() {
            return new SignUpForm("", "", "", "", "");
        }
    }

    private final Workspaces workspaces;
    private final VendorAccounts vendorAccounts;
    private final SignIn signIn;

    SignUpController(Workspaces workspaces, VendorAccounts vendorAccounts, SignIn signIn) {
        this.workspaces = workspaces;
        this.vendorAccounts = vendorAccounts;
        this.signIn = signIn;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", SignUpForm.empty());
        return "public/signup";
    }

    /** htmx: says as the person types whether the address is free. */
    @GetMapping("/signup/slug")
    String slugHint(@RequestParam(defaultValue = "") String slug, Model model) {
        model.addAttribute("slug", slug.strip().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("problem", workspaces.slugProblem(slug).orElse(null));
        return "public/slug-hint";
    }

    @PostMapping("/signup")
    String signUp(
            @ModelAttribute("form") SignUpForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    Workspaces.SignedUp signedUp = workspaces.signUp(new Workspaces.SignUp(
                            form.companyName(), form.slug(), form.ownerName(), form.email(), form.password()));
                    signIn.as(
                            vendorAccounts
                                    .load(signedUp.accountId(), signedUp.workspaceId())
                                    .orElseThrow(),
                            request,
                            response);
                    redirect.addFlashAttribute("flash", "Welcome to Canopy! Your workspace is ready.");
                    return "redirect:/app";
                },
                () -> "public/signup");
    }
}
