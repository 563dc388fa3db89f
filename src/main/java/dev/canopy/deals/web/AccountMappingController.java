package dev.canopy.deals.web;

import dev.canopy.deals.AccountMapping;
import dev.canopy.deals.SharingLevel;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.Partners;
import dev.canopy.platform.Flash;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Texts;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account mapping in the console: the vendor's list, the overview per partner, one partnership. */
@Controller
@RequestMapping("/app/account-mapping")
class AccountMappingController {

    private final AccountMapping mapping;
    private final Partners partners;

    AccountMappingController(AccountMapping mapping, Partners partners) {
        this.mapping = mapping;
        this.partners = partners;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('deals:read')")
    String overview(Model model) {
        model.addAttribute("summaries", mapping.overview());
        model.addAttribute("accounts", mapping.vendorAccounts());
        model.addAttribute("levels", Arrays.asList(SharingLevel.values()));
        model.addAttribute(
                "partners",
                partners.search(new PartnerSearch(null, null, PartnerStatus.ACTIVE, null, false, null, 500))
                        .partners());
        return "deals/mapping-overview";
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasAuthority('deals:write')")
    String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return Flash.after(
                redirect,
                "/app/account-mapping",
                () -> "Your account list now holds " + mapping.uploadVendorAccounts(text(file)) + " accounts.");
    }

    @PostMapping("/customers")
    @PreAuthorize("hasAuthority('deals:write')")
    String addCustomers(RedirectAttributes redirect) {
        int count = mapping.addKnownCustomers();
        redirect.addFlashAttribute(
                "flash",
                count == 0
                        ? "Canopy knows no customers of yours yet; upload your list instead."
                        : count + " customers are in your account list.");
        return "redirect:/app/account-mapping";
    }

    @GetMapping("/{partnerId}")
    @PreAuthorize("hasAuthority('deals:read')")
    String partner(@PathVariable UUID partnerId, Model model) {
        model.addAttribute("view", mapping.forPartner(new PartnerId(partnerId)));
        model.addAttribute("levels", Arrays.asList(SharingLevel.values()));
        return "deals/mapping";
    }

    @PostMapping("/{partnerId}/sharing")
    @PreAuthorize("hasAuthority('deals:write')")
    String share(
            @PathVariable UUID partnerId, @RequestParam(defaultValue = "") String level, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/account-mapping/" + partnerId, () -> {
            mapping.setVendorLevel(new PartnerId(partnerId), level);
            return "Sharing level saved.";
        });
    }

    static String text(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "Choose a CSV file with name, domain and status columns");
        }
        try {
            return Texts.utf8(file.getBytes(), "file");
        } catch (IOException e) {
            throw new InvalidInputException("file", "The file could not be read");
        }
    }
}
