package dev.canopy.commissions;

import dev.canopy.audit.AuditLog;
import dev.canopy.commissions.internal.RuleChecks;
import dev.canopy.commissions.internal.RuleTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each programme's commission plan: rules added, changed (for what happens from then on: commissions
 * already made keep their locked rate) and switched off, and the payout minimum.
 */
@Service
public class CommissionPlans {

    private final RuleTable rules;
    private final Programs programs;
    private final Tiers tiers;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    CommissionPlans(
            RuleTable rules,
            Programs programs,
            Tiers tiers,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.rules = rules;
        this.programs = programs;
        this.tiers = tiers;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CommissionPlan plan(ProgramId program) {
        WorkspaceId workspace = currentWorkspace.id();
        ProgramView p = programs.get(program);
        return new CommissionPlan(
                program,
                p.name(),
                p.reward().currency(),
                p.holdPeriodDays(),
                Money.of(rules.payoutMinimum(workspace, program), p.reward().currency()),
                rules.rules(workspace, program, false));
    }

    @Transactional
    public CommissionRule addRule(ProgramId program, RuleDraft draft) {
        WorkspaceId workspace = currentWorkspace.id();
        CommissionRule rule =
                RuleChecks.check(UUID.randomUUID(), program, draft, tierIds(program), currencyScale(program));
        rules.insert(workspace, rule, clock.instant());
        audit.record("commissions.rule-added", "commission-rule", rule.id(), null, rule);
        return rule;
    }

    @Transactional
    public CommissionRule updateRule(ProgramId program, UUID id, RuleDraft draft) {
        WorkspaceId workspace = currentWorkspace.id();
        CommissionRule before = rule(program, id);
        CommissionRule rule = RuleChecks.check(id, program, draft, tierIds(program), currencyScale(program));
        rules.update(workspace, rule, clock.instant());
        audit.record("commissions.rule-changed", "commission-rule", id, before, rule);
        return rule;
    }

    /** Switches a rule off (or on again); rules are never deleted, since commissions name them. */
    @Transactional
    public void setActive(ProgramId program, UUID id, boolean active) {
        CommissionRule before = rule(program, id);
        rules.setActive(currentWorkspace.id(), id, active, clock.instant());
        audit.record(
                active ? "commissions.rule-enabled" : "commissions.rule-disabled", "commission-rule", id, before, null);
    }

    @Transactional
    public void setPayoutMinimum(ProgramId program, String raw) {
        ProgramView p = programs.get(program);
        Money money = Money.parse(raw, Money.currency(p.reward().currency(), "currency"), "payoutMinimum");
        if (money.isNegative()) {
            throw new InvalidInputException("payoutMinimum", "The minimum cannot be negative");
        }
        rules.savePayoutMinimum(currentWorkspace.id(), program, money.amount(), clock.instant());
        audit.record(
                "commissions.payout-minimum",
                "program",
                program.value(),
                null,
                Map.of("name", p.name(), "payoutMinimum", money.toString()));
    }

    public CommissionRule rule(ProgramId program, UUID id) {
        programs.get(program);
        return rules.rule(currentWorkspace.id(), id)
                .filter(r -> r.program().equals(program))
                .orElseThrow(() -> new NotFoundException("Commission rule"));
    }

    private int currencyScale(ProgramId program) {
        return Math.max(
                Currency.getInstance(programs.get(program).reward().currency()).getDefaultFractionDigits(), 0);
    }

    private Set<UUID> tierIds(ProgramId program) {
        return tiers.tiers(program).stream().map(TierView::id).collect(Collectors.toSet());
    }
}
