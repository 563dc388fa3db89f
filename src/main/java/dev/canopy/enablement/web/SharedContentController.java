package dev.canopy.enablement.web;

import dev.canopy.enablement.AssetKind;
import dev.canopy.enablement.ContentShares;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A partner's share link, opened by anyone it was sent to, without signing in: a file downloads (as from the
 * portal), a link redirects to its address, a page shows on its own. Each opening counts for the partner who shared
 * it; once the partner may no longer see the asset, the link answers 404.
 */
@Controller
class SharedContentController {

    private final ContentShares shares;

    SharedContentController(ContentShares shares) {
        this.shares = shares;
    }

    @GetMapping("/shared/{token}")
    ResponseEntity<?> open(@PathVariable String token) {
        ContentShares.Shared shared = shares.openShared(token);
        if (shared.asset().kind() == AssetKind.FILE) {
            return Downloads.of(shared.file());
        }
        URI target = shared.asset().kind() == AssetKind.LINK
                ? URI.create(shared.asset().url())
                : URI.create("/shared/" + token + "/page");
        return ResponseEntity.status(302).location(target).build();
    }

    /** A page of Markdown as the partner's customer reads it (its opening was counted at /shared/{token}). */
    @GetMapping("/shared/{token}/page")
    String page(@PathVariable String token, Model model) {
        ContentShares.Shared shared = shares.readSharedPage(token);
        model.addAttribute("asset", shared.asset());
        model.addAttribute("html", shared.html());
        return "enablement/shared";
    }
}
