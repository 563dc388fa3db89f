package dev.canopy.tracking.web;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.Forms;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.Programs;
import dev.canopy.tracking.DailyActivity;
import dev.canopy.tracking.LinkDraft;
import dev.canopy.tracking.LinkId;
import dev.canopy.tracking.LinkView;
import dev.canopy.tracking.Links;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** Every partner's links for vendor staff: filter, see what each brought, edit, switch off. */
@Controller
@RequestMapping("/app/links")
@PreAuthorize("hasAuthority('tracking:read')")
class LinksController {

    private final Links links;
    private final Partners partners;
    private final Programs programs;
    private final DailyActivity activity;
    private final CurrentWorkspace currentWorkspace;
    private final Clock clock;

    LinksController(
            Links links,
            Partners partners,
            Programs programs,
            DailyActivity activity,
            CurrentWorkspace currentWorkspace,
            Clock clock) {
        this.activity = activity;
        this.currentWorkspace = currentWorkspace;
        this.clock = clock;
        this.links = links;
        this.partners = partners;
        this.programs = programs;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) UUID partner,
            @RequestParam(required = false) UUID program,
            @RequestParam(required = false) String q,
            Model model) {
        model.addAttribute(
                "links",
                links.list(
                        partner == null ? null : new PartnerId(partner),
                        program == null ? null : new ProgramId(program),
                        q));
        model.addAttribute("programs", programs.list());
        model.addAttribute("partnerFilter", partner == null ? null : partners.get(new PartnerId(partner)));
        model.addAttribute("programFilter", program);
        model.addAttribute("q", q);
        return "tracking/links";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        LinkView link = links.get(new LinkId(id));
        model.addAttribute("link", link);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<DailyActivity.ClickDay> days =
                activity.linkClicks(currentWorkspace.id(), link, today.minusDays(29), today.plusDays(1));
        model.addAttribute(
                "clickDays",
                String.join(",", days.stream().map(d -> d.day().toString()).toList()));
        model.addAttribute(
                "clickCounts",
                String.join(
                        ",", days.stream().map(d -> Long.toString(d.clicks())).toList()));
        model.addAttribute(
                "clicksIn30Days",
                days.stream().mapToLong(DailyActivity.ClickDay::clicks).sum());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", LinkDraft.of(link));
        }
        return "tracking/link";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('tracking:write')")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") LinkDraft form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    links.update(new LinkId(id), form);
                    redirect.addFlashAttribute("flash", "Link saved; visitors follow the new settings within seconds.");
                    return "redirect:/app/links/" + id;
                },
                () -> edit(id, model));
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAuthority('tracking:write')")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        LinkView link = links.setDisabled(new LinkId(id), true);
        redirect.addFlashAttribute("flash", "Link " + link.slug() + " switched off: visitors now see that it is gone.");
        return "redirect:/app/links/" + id;
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAuthority('tracking:write')")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        LinkView link = links.setDisabled(new LinkId(id), false);
        redirect.addFlashAttribute("flash", "Link " + link.slug() + " switched back on.");
        return "redirect:/app/links/" + id;
    }

    @GetMapping(path = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> png(@PathVariable UUID id) {
        return QrResponses.png(links, new LinkId(id));
    }

    @GetMapping(path = "/{id}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> svg(@PathVariable UUID id) {
        return QrResponses.svg(links, new LinkId(id));
    }
}
