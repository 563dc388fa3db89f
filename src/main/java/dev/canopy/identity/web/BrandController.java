package dev.canopy.identity.web;

import dev.canopy.identity.Brand;
import dev.canopy.identity.Branding;
import dev.canopy.platform.Flash;
import dev.canopy.shared.InvalidInputException;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workspace's brand on the settings page, and its logo for anyone (sign-in pages show it). */
@Controller
class BrandController {

    private final Branding branding;

    BrandController(Branding branding) {
        this.branding = branding;
    }

    @PostMapping("/app/settings/brand")
    @PreAuthorize("hasAuthority('workspace:write')")
    String save(
            @RequestParam(required = false) String portalName,
            @RequestParam(required = false) String color,
            RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/settings#brand", () -> {
            Brand saved = branding.save(new Branding.Look(portalName, color));
            return "Brand saved: partners see " + saved.portalName() + ".";
        });
    }

    @PostMapping("/app/settings/brand/logo")
    @PreAuthorize("hasAuthority('workspace:write')")
    String uploadLogo(@RequestParam(required = false) MultipartFile logo, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/settings#brand", () -> {
            if (logo == null || logo.isEmpty()) {
                throw new InvalidInputException("logo", "Choose an image file");
            }
            try {
                branding.setLogo(logo.getBytes());
            } catch (IOException e) {
                throw new InvalidInputException("logo", "The upload was cut short; try again");
            }
            return "Logo saved.";
        });
    }

    @PostMapping("/app/settings/brand/logo/remove")
    @PreAuthorize("hasAuthority('workspace:write')")
    String removeLogo(RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/settings#brand", () -> {
            branding.removeLogo();
            return "Logo removed: the portal shows the portal's name alone.";
        });
    }

    /** Public: the partner portal's sign-in page and emails show it before anyone signs in. */
    @GetMapping("/brand/{slug}/logo")
    ResponseEntity<byte[]> logo(@PathVariable String slug) {
        return branding.logo(slug)
                .map(logo -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(logo.type()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                        .lastModified(logo.updatedAt())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "default-src 'none'")
                        .body(logo.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
