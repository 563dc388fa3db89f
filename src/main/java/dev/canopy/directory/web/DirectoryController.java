package dev.canopy.directory.web;

import dev.canopy.directory.Directory;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Flash;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's directory: whether the workspace's public directory is on, its address and embed snippet, and
 * every partner's listing, which staff may hide (with a reason the partner sees) and show again.
 */
@Controller
@RequestMapping("/app/directory")
class DirectoryController {

    private final Directory directory;
    private final Workspaces workspaces;
    private final BaseUrl baseUrl;

    DirectoryController(Directory directory, Workspaces workspaces, BaseUrl baseUrl) {
        this.directory = directory;
        this.workspaces = workspaces;
        this.baseUrl = baseUrl;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('partners:read')")
    String list(Model model) {
        String slug = workspaces.current().slug();
        model.addAttribute("entries", directory.entries());
        model.addAttribute("enabled", directory.enabled());
        String publicUrl = baseUrl.link("/directory/" + slug);
        model.addAttribute("workspaceSlug", slug);
        model.addAttribute("publicUrl", publicUrl);
        model.addAttribute(
                "embedSnippet",
                "<div data-canopy-directory></div>\n<script src=\"" + publicUrl + "/embed.js\" async></script>");
        return "directory/entries";
    }

    @PostMapping("/enabled")
    @PreAuthorize("hasAuthority('partners:write')")
    String enable(@RequestParam boolean enabled, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/directory", () -> {
            directory.enable(enabled);
            return enabled ? "The public directory is on." : "The public directory is off: its pages answer 404.";
        });
    }

    @PostMapping("/{partnerId}/hide")
    @PreAuthorize("hasAuthority('partners:write')")
    String hide(
            @PathVariable UUID partnerId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/directory", () -> {
            directory.update(new PartnerId(partnerId), null, true, reason);
            return "Hidden from the public directory.";
        });
    }

    @PostMapping("/{partnerId}/show")
    @PreAuthorize("hasAuthority('partners:write')")
    String show(@PathVariable UUID partnerId, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/directory", () -> {
            directory.update(new PartnerId(partnerId), null, false, null);
            return "Shown again, as long as the partner stays opted in.";
        });
    }
}
