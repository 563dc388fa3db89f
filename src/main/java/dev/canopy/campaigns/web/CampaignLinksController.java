package dev.canopy.campaigns.web;

import dev.canopy.campaigns.CampaignFeedback;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The links in a campaign message, answered without sign-in: the unsubscribe link (GET shows a page with a button and
 * changes nothing; POST unsubscribes, as a mail client's one-click request under RFC 8058 does, with no session and no
 * CSRF token: the unguessable token is the proof) and the open pixel (its GET only queues the open).
 */
@Controller
class CampaignLinksController {

    /** The smallest transparent GIF. */
    private static final byte[] PIXEL =
            java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final CampaignFeedback feedback;

    CampaignLinksController(CampaignFeedback feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/campaigns/unsubscribe/{token}")
    String page(@PathVariable String token, Model model) {
        model.addAttribute("page", feedback.unsubscribePage(token));
        model.addAttribute("token", token);
        return "campaigns/unsubscribe";
    }

    @PostMapping("/campaigns/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        feedback.unsubscribe(token);
        return page(token, model);
    }

    @GetMapping("/campaigns/o/{token}.gif")
    ResponseEntity<byte[]> pixel(@PathVariable String token) {
        feedback.opened(token);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_GIF)
                .cacheControl(CacheControl.noStore())
                .body(PIXEL);
    }
}
