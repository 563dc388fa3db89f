package dev.canopy.commissions.internal;

import dev.canopy.commissions.CommissionPlans;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.RuleDraft;
import dev.canopy.identity.Workspaces;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's commission plans, as the seeds describe them: the referral programme pays 15 % of
 * first-year contract value (Gold 20 %) plus 20 % of every payment for 12 months, and has a 250 USD
 * bounty staff can grant for a partner's first deal; the reseller programme
 * records a 20 % margin on list price and pays a 500 USD bonus for every won deal. Loaded once, after tracking and deals; the conversions and won
 * deals already there are then priced.
 */
@Component
@Order(500)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoCommissions implements ApplicationRunner {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    private final Workspaces workspaces;
    private final Programs programs;
    private final Tiers tiers;
    private final CommissionPlans plans;
    private final Commissions commissions;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoCommissions(
            Workspaces workspaces,
            Programs programs,
            Tiers tiers,
            CommissionPlans plans,
            Commissions commissions,
            TransactionTemplate transactions,
            Clock clock) {
        this.workspaces = workspaces;
        this.programs = programs;
        this.tiers = tiers;
        this.plans = plans;
        this.commissions = commissions;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            ProgramView referral = program("referral");
            if (referral != null && plans.plan(referral.id()).rules().isEmpty()) {
                transactions.executeWithoutResult(status -> load(workspace, referral, program("resellers")));
            }
            return null;
        });
    }

    private void load(WorkspaceId workspace, ProgramView referral, ProgramView reseller) {
        Map<String, String> gold = new HashMap<>();
        tiers.tiers(referral.id()).stream()
                .filter(t -> t.name().equals("Gold"))
                .map(TierView::id)
                .findFirst()
                .ifPresent(id -> gold.put(id.toString(), "20"));
        plans.addRule(
                referral.id(), rule("Referral fee", "DEAL_WON", "CONTRACT_VALUE", "15", null, "ONCE", null, gold));
        plans.addRule(
                referral.id(),
                rule("Subscription share", "RECURRING_PAYMENT", "PAYMENT", "20", null, "MONTHS", "12", Map.of()));
        plans.addRule(referral.id(), rule("First deal bonus", "BOUNTY", "FLAT", null, "250", "ONCE", null, Map.of()));
        plans.setPayoutMinimum(referral.id(), "50");
        if (reseller != null) {
            // 15 % at Registered up to 30 % at Platinum: what the programme's public offer says.
            Map<String, String> margins = new HashMap<>();
            Map<String, String> byTier = Map.of("Silver", "20", "Gold", "25", "Platinum", "30");
            tiers.tiers(reseller.id()).stream()
                    .filter(t -> byTier.containsKey(t.name()))
                    .forEach(t -> margins.put(t.id().toString(), byTier.get(t.name())));
            plans.addRule(
                    reseller.id(),
                    rule("Reseller margin", "DEAL_WON", "LIST_PRICE", "15", null, "ONCE", null, margins));
            // The margin is the reseller's own (recorded, never paid); the bonus is money Northwind pays.
            plans.addRule(
                    reseller.id(), rule("Won-deal bonus", "DEAL_WON", "FLAT", null, "500", "ONCE", null, Map.of()));
        }
        commissions.priceWaiting(workspace, clock.instant());
    }

    private static RuleDraft rule(
            String name,
            String event,
            String basis,
            String rate,
            String flat,
            String duration,
            String months,
            Map<String, String> tiers) {
        return new RuleDraft(
                name, event, basis, rate, flat, duration, months, null, null, null, null, null, null, null, tiers);
    }

    private ProgramView program(String slug) {
        return programs.list().stream()
                .filter(p -> p.slug().equals(slug))
                .findFirst()
                .orElse(null);
    }
}
