package dev.canopy.deals.web;

import dev.canopy.deals.DealConflict;
import dev.canopy.deals.DealOutcomes;
import dev.canopy.deals.DealQuery;
import dev.canopy.deals.DealRules;
import dev.canopy.deals.DealStage;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.deals.ExtensionPolicy;
import dev.canopy.deals.Sourcing;
import dev.canopy.platform.Flash;
import dev.canopy.programs.ProgramId;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registrations inbox (conflicts, review clock), the deal page and the deal rules. */
@Controller
@RequestMapping("/app/deals")
class DealsController {

    static final int PAGE_SIZE = 50;

    private final Deals deals;
    private final DealOutcomes outcomes;
    private final DealRules rules;
    private final Clock clock;

    DealsController(Deals deals, DealOutcomes outcomes, DealRules rules, Clock clock) {
        this.deals = deals;
        this.outcomes = outcomes;
        this.rules = rules;
        this.clock = clock;
    }

    /** Pending registrations unless {@code status} says otherwise ("ALL" for every status). */
    @GetMapping
    @PreAuthorize("hasAuthority('deals:read')")
    String inbox(
            @RequestParam(defaultValue = "PENDING") String status,
            @RequestParam(required = false) String after,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        DealStatus filter = parseStatus(status);
        model.addAttribute("page", deals.search(new DealQuery(filter, null, after, PAGE_SIZE)));
        model.addAttribute("status", filter == null ? "ALL" : filter.name());
        model.addAttribute("statuses", Arrays.asList(DealStatus.values()));
        model.addAttribute("now", clock.instant());
        return htmx != null && after != null ? "deals/inbox :: rows" : "deals/inbox";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('deals:read')")
    String deal(@PathVariable UUID id, Model model) {
        DealView deal = deals.get(id);
        model.addAttribute("deal", deal);
        List<DealConflict> conflicts = deals.conflicts(id);
        model.addAttribute("conflicts", conflicts);
        // The registrations it collided with as they stand now: who holds them, and whether they still do.
        model.addAttribute(
                "matched",
                conflicts.stream()
                        .filter(c -> c.source() == DealConflict.Source.REGISTRATION)
                        .map(c -> deals.get(UUID.fromString(c.matchedRef())))
                        .collect(Collectors.toMap(d -> d.id().toString(), d -> d)));
        model.addAttribute("stages", Arrays.asList(DealStage.values()));
        model.addAttribute("sourcings", Arrays.asList(Sourcing.values()));
        model.addAttribute("now", clock.instant());
        return "deals/deal";
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('deals:write')")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            DealView d = deals.approve(id);
            return d.accountName() + " is approved and protected for " + d.partnerName() + ".";
        });
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('deals:write')")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> deals.reject(id, reason).accountName() + " is rejected.");
    }

    @PostMapping("/{id}/stage")
    @PreAuthorize("hasAuthority('deals:write')")
    String stage(@PathVariable UUID id, @RequestParam(defaultValue = "") String stage, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> "Moved to " + deals.moveStage(id, stage).stage().label() + ".");
    }

    @PostMapping("/{id}/extend")
    @PreAuthorize("hasAuthority('deals:write')")
    String extend(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> "Protected until " + deals.extend(id).protectedUntil() + ".");
    }

    @PostMapping("/{id}/won")
    @PreAuthorize("hasAuthority('deals:write')")
    String won(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String opportunityOpenedOn,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            DealView d = outcomes.markWon(id, amount, opportunityOpenedOn);
            return d.accountName() + " is won: " + d.sourcing().label().toLowerCase(Locale.ROOT) + ".";
        });
    }

    @PostMapping("/{id}/lost")
    @PreAuthorize("hasAuthority('deals:write')")
    String lost(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> outcomes.markLost(id, reason).accountName() + " is marked lost.");
    }

    @PostMapping("/{id}/sourcing")
    @PreAuthorize("hasAuthority('deals:write')")
    String sourcing(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String sourcing,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> "Now "
                        + outcomes.overrideSourcing(id, sourcing, reason)
                                .sourcing()
                                .label()
                                .toLowerCase(Locale.ROOT) + ".");
    }

    @GetMapping("/settings")
    @PreAuthorize("hasAuthority('deals:read')")
    String settings(Model model) {
        model.addAttribute("clocks", rules.clocks());
        model.addAttribute("programRules", rules.programRules());
        model.addAttribute("policies", Arrays.asList(ExtensionPolicy.values()));
        return "deals/settings";
    }

    @PostMapping("/settings/clocks")
    @PreAuthorize("hasAuthority('deals:write')")
    String clocks(
            @RequestParam(defaultValue = "") String reviewBusinessDays,
            @RequestParam(defaultValue = "") String leadBusinessDays,
            RedirectAttributes redirect) {
        return settingsAction(redirect, () -> {
            rules.setClocks(reviewBusinessDays, leadBusinessDays);
            return "The clocks are saved.";
        });
    }

    @PostMapping("/settings/programs/{id}")
    @PreAuthorize("hasAuthority('deals:write')")
    String programRules(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String protectionDays,
            @RequestParam(defaultValue = "") String extensionDays,
            @RequestParam(defaultValue = "") String extensions,
            RedirectAttributes redirect) {
        return settingsAction(
                redirect,
                () -> rules.setProgramRules(new ProgramId(id), protectionDays, extensionDays, extensions)
                                .programName()
                        + " is saved.");
    }

    private String act(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        return Flash.after(redirect, "/app/deals/" + id, action);
    }

    private String settingsAction(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        return Flash.after(redirect, "/app/deals/settings", action);
    }

    private static DealStatus parseStatus(String status) {
        if (status.isBlank() || status.equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return DealStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return DealStatus.PENDING;
        }
    }
}
