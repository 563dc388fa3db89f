package dev.canopy.commissions.web;

import dev.canopy.commissions.Bounties;
import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.CommissionView;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.FraudRules;
import dev.canopy.commissions.FraudSettingsDraft;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.Tiers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the commissions pages' models, so a bulk move or a settings form that fails can show its page
 * again with the errors next to the fields (and what was ticked still ticked).
 */
@Component
class CommissionPages {

    private final Commissions commissions;
    private final Bounties bounties;
    private final FraudRules fraud;
    private final Partners partners;
    private final Programs programs;
    private final Tiers tiers;

    CommissionPages(
            Commissions commissions,
            Bounties bounties,
            FraudRules fraud,
            Partners partners,
            Programs programs,
            Tiers tiers) {
        this.commissions = commissions;
        this.bounties = bounties;
        this.fraud = fraud;
        this.partners = partners;
        this.programs = programs;
        this.tiers = tiers;
    }

    String list(Model model, ListQuery query) {
        model.addAttribute("page", commissions.list(query.filter()));
        model.addAttribute("query", query);
        model.addAttribute("totals", totals());
        model.addAttribute("statuses", Arrays.asList(CommissionStatus.values()));
        model.addAttribute("partners", partners());
        model.addAttribute("programs", programs.list());
        if (!model.containsAttribute("moveForm")) {
            model.addAttribute("moveForm", MoveForm.empty());
        }
        return "commissions/list";
    }

    String review(Model model, UUID after) {
        model.addAttribute(
                "page",
                commissions.list(new CommissionFilter(
                        CommissionStatus.HELD, null, null, after == null ? null : after.toString())));
        if (!model.containsAttribute("moveForm")) {
            model.addAttribute("moveForm", MoveForm.empty());
        }
        if (!model.containsAttribute("fraudForm")) {
            model.addAttribute("fraudForm", FraudForm.of(FraudSettingsDraft.of(fraud.fraudSettings())));
        }
        return "commissions/review";
    }

    String detail(Model model, UUID id) {
        CommissionView commission = commissions.get(id);
        model.addAttribute("commission", commission);
        model.addAttribute("postings", commissions.postings(id));
        if (!model.containsAttribute("moveForm")) {
            model.addAttribute("moveForm", MoveForm.empty());
        }
        return "commissions/detail";
    }

    /** The grant form: every partner, and the active bounty rules programme by programme. */
    String bounty(Model model) {
        model.addAttribute("partners", partners());
        Map<ProgramView, List<BountyOption>> options = new LinkedHashMap<>();
        for (Bounties.BountyRule b : bounties.rules()) {
            options.computeIfAbsent(b.program(), p -> new ArrayList<>()).add(BountyOption.of(b, tiers));
        }
        model.addAttribute("bountyRules", options);
        return "commissions/bounty";
    }

    private List<PartnerView> partners() {
        return partners.search(new PartnerSearch(null, null, null, null, false, null, PartnerSearch.MAX_LIMIT))
                .partners();
    }

    /** Each status's totals, one line per currency, in the lifecycle's order. */
    private Map<CommissionStatus, List<Commissions.StatusTotal>> totals() {
        Map<CommissionStatus, List<Commissions.StatusTotal>> byStatus = new LinkedHashMap<>();
        List<Commissions.StatusTotal> all = commissions.totals(null);
        for (CommissionStatus status : CommissionStatus.values()) {
            List<Commissions.StatusTotal> of =
                    all.stream().filter(t -> t.status() == status).toList();
            if (!of.isEmpty()) {
                byStatus.put(status, of);
            }
        }
        return byStatus;
    }
}
