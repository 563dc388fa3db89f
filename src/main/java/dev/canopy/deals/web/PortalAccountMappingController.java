package dev.canopy.deals.web;

import dev.canopy.deals.AccountMapping;
import dev.canopy.deals.SharingLevel;
import dev.canopy.platform.Flash;
import java.util.Arrays;
import org.springframework.context.support.MessageSourceAccessor;
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
    private final MessageSourceAccessor messages;

    PortalAccountMappingController(AccountMapping mapping, MessageSourceAccessor messages) {
        this.mapping = mapping;
        this.messages = messages;
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
                () -> messages.getMessage(
                        "deals.accounts.uploaded",
                        new Object[] {mapping.uploadMine(AccountMappingController.text(file))}));
    }

    @PostMapping("/sharing")
    String share(@RequestParam(defaultValue = "") String level, RedirectAttributes redirect) {
        return Flash.after(redirect, "/portal/accounts", () -> {
            mapping.setMyLevel(level);
            return messages.getMessage("deals.accounts.saved");
        });
    }
}
