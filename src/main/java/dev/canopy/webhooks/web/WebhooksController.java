package dev.canopy.webhooks.web;

import dev.canopy.platform.Forms;
import dev.canopy.webhooks.WebhookEndpoint;
import dev.canopy.webhooks.WebhookEndpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Webhooks: add an endpoint (its secret shown at once), and on its page send a test event, rotate the
 * secret, disable or delete it, read the delivery log and replay what failed.
 */
@Controller
@RequestMapping("/app/webhooks")
@PreAuthorize("hasAuthority('webhooks:write')")
class WebhooksController {

    record EndpointForm(String url, String description, List<String> eventTypes) {

        WebhookEndpoints.EndpointInput input() {
            return new WebhookEndpoints.EndpointInput(url, description, eventTypes);
        }
    }

    private final WebhookEndpoints webhooks;
    private final Clock clock;

    WebhooksController(WebhookEndpoints webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new EndpointForm("", "", List.of()));
        }
        model.addAttribute("endpoints", webhooks.list());
        model.addAttribute("eventTypes", webhooks.eventTypes());
        return "webhooks/list";
    }

    @PostMapping
    String create(@ModelAttribute("form") EndpointForm form, BindingResult result, Model model) {
        return Forms.submit(
                result,
                () -> {
                    WebhookEndpoints.Created created = webhooks.create(form.input());
                    // Shown in this response, never carried through the session.
                    model.addAttribute("created", created);
                    return page(created.endpoint().id(), model);
                },
                () -> list(model));
    }

    @GetMapping("/{id}")
    String page(@PathVariable UUID id, Model model) {
        WebhookEndpoint endpoint = webhooks.get(id);
        model.addAttribute("endpoint", endpoint);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new EndpointForm(endpoint.url(), endpoint.description(), endpoint.eventTypes()));
        }
        model.addAttribute("eventTypes", webhooks.eventTypes());
        model.addAttribute("deliveries", webhooks.deliveries(id, null, WebhookEndpoints.LOG_LIMIT));
        return "webhooks/endpoint";
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") EndpointForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    webhooks.update(id, form.input());
                    redirect.addFlashAttribute("flash", "Endpoint saved.");
                    return "redirect:/app/webhooks/" + id;
                },
                () -> page(id, model));
    }

    @PostMapping("/{id}/secret")
    String secret(@PathVariable UUID id, Model model) {
        model.addAttribute("secret", webhooks.secret(id));
        return page(id, model);
    }

    @PostMapping("/{id}/rotate-secret")
    String rotate(@PathVariable UUID id, Model model) {
        model.addAttribute("secret", webhooks.rotateSecret(id));
        model.addAttribute("rotated", true);
        return page(id, model);
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable UUID id, RedirectAttributes redirect) {
        String message = webhooks.sendTest(id);
        redirect.addFlashAttribute("flash", "Test event " + message + " is on its way; it appears below in a moment.");
        return "redirect:/app/webhooks/" + id;
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.disable(id);
        redirect.addFlashAttribute("flash", "Endpoint disabled: nothing is sent to it until you enable it.");
        return "redirect:/app/webhooks/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.enable(id);
        redirect.addFlashAttribute("flash", "Endpoint enabled. Replay the failed deliveries to send what it missed.");
        return "redirect:/app/webhooks/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        WebhookEndpoint endpoint = webhooks.get(id);
        webhooks.delete(id);
        redirect.addFlashAttribute("flash", "Endpoint " + endpoint.url() + " deleted.");
        return "redirect:/app/webhooks";
    }

    @PostMapping("/{id}/replay-failed")
    String replayFailed(
            @PathVariable UUID id, @RequestParam(defaultValue = "24") int hours, RedirectAttributes redirect) {
        Instant now = clock.instant();
        int replayed = webhooks.replayFailed(id, now.minus(Duration.ofHours(Math.max(1, hours))), now);
        redirect.addFlashAttribute("flash", replayed + " failed deliveries sent again.");
        return "redirect:/app/webhooks/" + id;
    }

    @PostMapping("/{id}/deliveries/{delivery}/replay")
    String replay(@PathVariable UUID id, @PathVariable long delivery, RedirectAttributes redirect) {
        webhooks.replay(id, delivery);
        redirect.addFlashAttribute("flash", "Delivery sent again.");
        return "redirect:/app/webhooks/" + id;
    }
}
