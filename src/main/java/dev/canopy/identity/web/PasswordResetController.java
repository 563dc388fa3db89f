package dev.canopy.identity.web;

import dev.canopy.identity.Passwords;
import dev.canopy.platform.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": ask for a link by email, then choose a new password from the link. */
@Controller
class PasswordResetController {

    record ForgotForm(String email) {}

    record ResetForm(String token, String password) {}

    private final Passwords passwords;

    PasswordResetController(Passwords passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/forgot-password")
    String forgotForm(Model model) {
        model.addAttribute("form", new ForgotForm(""));
        return "public/forgot-password";
    }

    @PostMapping("/forgot-password")
    String forgot(@ModelAttribute("form") ForgotForm form, BindingResult result, Model model) {
        return Forms.submit(
                result,
                () -> {
                    passwords.requestReset(form.email());
                    model.addAttribute("sent", true);
                    return "public/forgot-password";
                },
                () -> "public/forgot-password");
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("form", new ResetForm(token, ""));
        model.addAttribute("usable", passwords.resetLinkUsable(token));
        return "public/reset-password";
    }

    @PostMapping("/reset-password")
    String reset(@ModelAttribute("form") ResetForm form, BindingResult result, Model model) {
        return Forms.submit(
                result,
                () -> {
                    passwords.reset(form.token(), form.password());
                    return "redirect:/login?reset";
                },
                () -> {
                    model.addAttribute("usable", passwords.resetLinkUsable(form.token()));
                    return "public/reset-password";
                });
    }
}
