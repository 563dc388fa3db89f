package dev.canopy.deals.web;

import dev.canopy.deals.AccountMapping;
import dev.canopy.deals.SharingLevel;
import dev.canopy.platform.Flash;
import java.util.Arrays;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner's account mapping: its list, its sharing level, and what both levels show of the vendor's. */
@Controller
@RequestMapping("/portal/accounts")
@PreAuthorize("hasRole('PARTNER')")
class PortalAccountMappingController {

    private final AccountMapping mapping;

    PortalAccountMappingController(AccountMapping mapping) {
        this.mapping = mapping;
    }

    @GetMapping
    String mine(Model model) {
        model.addAttribute("view", mapping.mine());
        model.addAttribute("levels", Arrays.asList(SharingLevel.values()));
        return "deals/portal/accounts";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return Flash.after(
                redirect,
                "/portal/accounts",
                () -> "Your account list now holds " + mapping.uploadMine(AccountMappingController.text(file))
                        + " accounts.");
    }

    @PostMapping("/sharing")
    String share(@RequestParam(defaultValue = "") String level, RedirectAttributes redirect) {
        return Flash.after(redirect, "/portal/accounts", () -> {
            mapping.setMyLevel(level);
            return "Sharing level saved.";
        });
    }
}
