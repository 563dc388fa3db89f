package dev.canopy.deals.internal;

import dev.canopy.deals.RoutingRule;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerTiers;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.AsSystem;
import dev.canopy.shared.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds the next partner for a lead: the first rule (in order) that matches the lead's region and has an
 * eligible partner who was not offered this lead before; within the rule, {@link RoutingPolicy} decides.
 */
@Component
public class LeadRouter {

    /** Who gets the lead, and under which rule. */
    public record Choice(PartnerId partner, UUID rule) {}

    private final RoutingRuleTable rules;
    private final LeadTable leads;
    private final Partners partners;
    private final List<PartnerTiers> tiers;

    LeadRouter(RoutingRuleTable rules, LeadTable leads, Partners partners, List<PartnerTiers> tiers) {
        this.rules = rules;
        this.leads = leads;
        this.partners = partners;
        this.tiers = tiers;
    }

    /** Needs a principal of {@code workspace} (a request, or {@link AsSystem}). */
    public Optional<Choice> next(WorkspaceId workspace, String leadRegion, Set<PartnerId> alreadyOffered) {
        for (RoutingRule rule : rules.list(workspace)) {
            if (rule.region() != null && !rule.region().equalsIgnoreCase(String.valueOf(leadRegion))) {
                continue;
            }
            Map<PartnerId, Integer> offered = leads.offersUnder(workspace, rule.id());
            List<RoutingPolicy.Candidate> candidates = eligible(rule).stream()
                    .filter(p -> !alreadyOffered.contains(p.id()))
                    .map(p -> new RoutingPolicy.Candidate(
                            p.id(), p.name(), rule.weights().getOrDefault(p.id(), 1), offered.getOrDefault(p.id(), 0)))
                    .toList();
            Optional<RoutingPolicy.Candidate> chosen = RoutingPolicy.choose(candidates);
            if (chosen.isPresent()) {
                return Optional.of(new Choice(chosen.get().partner(), rule.id()));
            }
        }
        return Optional.empty();
    }

    private List<PartnerView> eligible(RoutingRule rule) {
        PartnerSearch search = new PartnerSearch(
                null, rule.partnerType(), PartnerStatus.ACTIVE, rule.region(), false, null, PartnerSearch.MAX_LIMIT);
        if (rule.tierId() != null) {
            Set<PartnerId> atTier = tiers.stream()
                    .flatMap(t -> t.partnersAt(rule.tierId()).stream())
                    .collect(java.util.stream.Collectors.toSet());
            search = search.onlyAmong(atTier);
        }
        return partners.search(search).partners();
    }
}
