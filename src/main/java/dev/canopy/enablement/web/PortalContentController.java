package dev.canopy.enablement.web;

import dev.canopy.enablement.AssetView;
import dev.canopy.enablement.ContentLibrary;
import dev.canopy.enablement.ContentShares;
import dev.canopy.enablement.GateStanding;
import dev.canopy.enablement.Recommendations;
import dev.canopy.enablement.Requirements;
import dev.canopy.platform.BaseUrl;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
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
 * The partner's content library: what its audience admits, searched and by folder; an asset's page (counted as a
 * view) and its download (counted as a download). Anything else answers 404, as if it did not exist. An asset a
 * certification requirement closes to the company shows what is missing instead of its content.
 */
@Controller
@RequestMapping("/portal/content")
@PreAuthorize("hasRole('PARTNER')")
class PortalContentController {

    private final ContentLibrary library;
    private final ContentShares shares;
    private final Requirements requirements;
    private final Recommendations recommendations;
    private final BaseUrl baseUrl;

    PortalContentController(
            ContentLibrary library,
            ContentShares shares,
            Requirements requirements,
            Recommendations recommendations,
            BaseUrl baseUrl) {
        this.library = library;
        this.shares = shares;
        this.requirements = requirements;
        this.recommendations = recommendations;
        this.baseUrl = baseUrl;
    }

    @GetMapping
    String library(
            @RequestParam(required = false) String q, @RequestParam(required = false) String folder, Model model) {
        model.addAttribute("found", library.find(q, folder, false));
        model.addAttribute("locked", requirements.closedAssets());
        model.addAttribute("q", q);
        model.addAttribute("folder", folder);
        return "enablement/portal/library";
    }

    /** The deal registration page's "Recommended for this deal" (htmx), from the deal's products and stage. */
    @GetMapping("/recommended")
    String recommended(@RequestParam UUID deal, Model model) {
        model.addAttribute("assets", recommendations.forDeal(deal, 5));
        return "enablement/portal/recommended";
    }

    @GetMapping("/{id}")
    String asset(@PathVariable UUID id, Model model) {
        AssetView asset = library.open(id);
        model.addAttribute("asset", asset);
        model.addAttribute("html", library.html(asset));
        model.addAttribute("newVersion", library.newVersionSinceMyDownload(asset));
        List<GateStanding> gates = requirements.onAsset(id);
        model.addAttribute("gates", gates);
        model.addAttribute("locked", gates.stream().anyMatch(g -> !g.open()));
        return "enablement/portal/asset";
    }

    /** The partner user's share link to the asset, shown on its page to copy (the same link each time). */
    @PostMapping("/{id}/share")
    String share(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("shareUrl", baseUrl.link("/shared/" + shares.shareToken(id)));
        return "redirect:/portal/content/" + id;
    }

    @GetMapping("/{id}/download")
    ResponseEntity<Resource> download(@PathVariable UUID id) {
        return Downloads.of(library.download(id, null));
    }
}
