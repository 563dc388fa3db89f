package dev.canopy.deals;

import dev.canopy.audit.AuditLog;
import dev.canopy.deals.internal.DealChecks;
import dev.canopy.deals.internal.RoutingRuleTable;
import dev.canopy.partners.PartnerTiers;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules that choose which partner a lead goes to (region, partner type, tier) and each partner's
 * share of a rule's leads; {@link Leads} follows them. Vendor staff only, every change audited.
 */
@Service
public class LeadRoutingRules {

    private final RoutingRuleTable rules;
    private final List<PartnerTiers> tiers;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    LeadRoutingRules(
            RoutingRuleTable rules,
            List<PartnerTiers> tiers,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.rules = rules;
        this.tiers = tiers;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RoutingRule> rules() {
        staff();
        return rules.list(currentWorkspace.id());
    }

    @Transactional
    public RoutingRule addRule(NewRoutingRule rule) {
        staff();
        String[] name = new String[1];
        PartnerType[] type = new PartnerType[1];
        PartnerTiers.Tier[] tier = new PartnerTiers.Tier[1];
        InvalidInputException.collect(
                () -> name[0] = DealChecks.text("name", rule.name(), 120),
                () -> DealChecks.optional("region", rule.region(), 60),
                () -> type[0] = rule.partnerType() == null || rule.partnerType().isBlank()
                        ? null
                        : DealChecks.parse(PartnerType.class, "partnerType", rule.partnerType()),
                () -> tier[0] = tier(rule.tierId()));
        UUID id = UUID.randomUUID();
        if (!rules.insert(
                currentWorkspace.id(),
                id,
                name[0],
                DealChecks.blankToNull(rule.region()),
                type[0],
                tier[0] == null ? null : tier[0].id(),
                tier[0] == null ? null : tier[0].label(),
                DatabaseTime.now(clock))) {
            throw new ConflictException("name", "A rule named " + name[0] + " exists already");
        }
        RoutingRule added = rule(id);
        audit.record("deals.routing-rule.added", "routing_rule", id, null, added);
        return added;
    }

    @Transactional
    public void removeRule(UUID id) {
        staff();
        RoutingRule before = rule(id);
        rules.delete(currentWorkspace.id(), id);
        audit.record("deals.routing-rule.removed", "routing_rule", id, before, null);
    }

    /** A partner's share of a rule's leads (1 by default; 0 takes none). */
    @Transactional
    public RoutingRule setWeight(UUID ruleId, String partnerId, String weight) {
        staff();
        RoutingRule before = rule(ruleId);
        PartnerView[] partner = new PartnerView[1];
        int[] value = new int[1];
        InvalidInputException.collect(
                () -> partner[0] = DealChecks.activePartner(partners, partnerId),
                () -> value[0] = DealChecks.number("weight", weight, 0, 100));
        if (partner[0] == null) {
            throw new InvalidInputException("partnerId", "Choose a partner");
        }
        rules.setWeight(currentWorkspace.id(), ruleId, partner[0].id(), value[0]);
        RoutingRule after = rule(ruleId);
        audit.record("deals.routing-rule.weighted", "routing_rule", ruleId, before, after);
        return after;
    }

    /** The tiers a rule can be restricted to. */
    @Transactional(readOnly = true)
    public List<PartnerTiers.Tier> tiers() {
        return tiers.stream().flatMap(t -> t.tiers().stream()).toList();
    }

    private RoutingRule rule(UUID id) {
        return rules.list(currentWorkspace.id()).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Routing rule"));
    }

    private PartnerTiers.Tier tier(String tierId) {
        if (tierId == null || tierId.isBlank()) {
            return null;
        }
        return tiers().stream()
                .filter(t -> t.id().equals(tierId.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("tierId", "Not a tier of your programmes"));
    }

    private void staff() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped) {
            throw new AccessDeniedException("Only vendor staff route leads");
        }
    }
}
