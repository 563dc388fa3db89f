package dev.canopy.campaigns.web;

import dev.canopy.campaigns.CampaignFeedback;
import dev.canopy.campaigns.CampaignTrigger;
import dev.canopy.campaigns.CampaignView;
import dev.canopy.campaigns.Campaigns;
import dev.canopy.campaigns.internal.MergeFields;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
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
 * Campaigns → the list, a new campaign, and a campaign's page: its editor while a draft, its preview for a member of
 * the segment (htmx), a test send, sending now or at a time (or switching a triggered one on), and its report.
 */
@Controller
@RequestMapping("/app/campaigns")
class CampaignsController {

    private final Campaigns campaigns;
    private final CampaignFeedback feedback;

    CampaignsController(Campaigns campaigns, CampaignFeedback feedback) {
        this.campaigns = campaigns;
        this.feedback = feedback;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('campaigns:read')")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list());
        model.addAttribute("rule", campaigns.stopRule());
        return "campaigns/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('campaigns:write')")
    String blank(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CampaignForm.blank());
        }
        return editor(model);
    }

    private String editor(Model model) {
        model.addAttribute("choices", campaigns.choices());
        model.addAttribute("triggers", List.of(CampaignTrigger.values()));
        model.addAttribute("mergeFields", MergeFields.KNOWN);
        return "campaigns/new";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('campaigns:write')")
    String create(
            @ModelAttribute("form") CampaignForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    CampaignView created = campaigns.create(form.input());
                    redirect.addFlashAttribute(
                            "flash", "“" + created.name() + "” is a draft: preview it and send a test.");
                    return "redirect:/app/campaigns/" + created.id();
                },
                () -> editor(model));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('campaigns:read')")
    String campaign(@PathVariable UUID id, Model model) {
        CampaignView campaign = campaigns.get(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("report", campaigns.report(id));
        model.addAttribute(
                "recipients", campaigns.recipients(id).stream().limit(500).toList());
        model.addAttribute("samples", campaign.trigger().triggered() ? List.of() : campaigns.samples(id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CampaignForm.of(campaign));
        }
        editor(model);
        return "campaigns/campaign";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('campaigns:write')")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") CampaignForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    campaigns.update(id, form.input());
                    redirect.addFlashAttribute("flash", "Saved.");
                    return "redirect:/app/campaigns/" + id;
                },
                () -> campaign(id, model));
    }

    /** The preview for one member of the segment, swapped in by htmx. */
    @GetMapping("/{id}/preview")
    @PreAuthorize("hasAuthority('campaigns:read')")
    String preview(@PathVariable UUID id, @RequestParam(required = false) String address, Model model) {
        model.addAttribute("preview", campaigns.preview(id, address));
        return "campaigns/campaign :: preview";
    }

    @PostMapping("/{id}/test")
    @PreAuthorize("hasAuthority('campaigns:write')")
    String test(@PathVariable UUID id, @RequestParam(required = false) String address, RedirectAttributes redirect) {
        return act(id, redirect, () -> "A test went to " + campaigns.testSend(id, address) + ". It counts nowhere.");
    }

    @PostMapping("/{id}/send")
    @PreAuthorize("hasAuthority('campaigns:write')")
    String send(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> campaigns.sendNow(id), "Sending: the messages go out within a minute.");
    }

    @PostMapping("/{id}/schedule")
    @PreAuthorize("hasAuthority('campaigns:write')")
    String schedule(@PathVariable UUID id, @RequestParam(required = false) String sendAt, RedirectAttributes redirect) {
        return act(id, redirect, () -> campaigns.schedule(id, sendAt), "Scheduled.");
    }

    @PostMapping("/{id}/unschedule")
    @PreAuthorize("hasAuthority('campaigns:write')")
    String unschedule(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> campaigns.unschedule(id), "Back to a draft: it will not go out.");
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAuthority('campaigns:write')")
    String activate(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> campaigns.activate(id),
                "Switched on: each partner user its trigger names gets it once.");
    }

    @PostMapping("/{id}/stop")
    @PreAuthorize("hasAuthority('campaigns:write')")
    String stop(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> campaigns.stop(id), "Stopped: no one else will be mailed.");
    }

    /** Staff record an address that asked by other means to get no more campaigns. */
    @PostMapping("/unsubscribes")
    @PreAuthorize("hasAuthority('campaigns:write')")
    String unsubscribe(@RequestParam(required = false) String address, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/campaigns", () -> {
            feedback.unsubscribeAddress(address);
            return address + " gets no more campaigns.";
        });
    }

    /** A button on one campaign's page: the page says what happened, or why it could not be done. */
    private static String act(UUID id, RedirectAttributes redirect, Supplier<String> action) {
        return Flash.after(redirect, "/app/campaigns/" + id, action);
    }

    private static String act(UUID id, RedirectAttributes redirect, Runnable action, String done) {
        return act(id, redirect, () -> {
            action.run();
            return done;
        });
    }
}
