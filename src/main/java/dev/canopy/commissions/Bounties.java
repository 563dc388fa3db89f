package dev.canopy.commissions;

import dev.canopy.audit.AuditLog;
import dev.canopy.commissions.internal.CommissionSource;
import dev.canopy.commissions.internal.CommissionTable;
import dev.canopy.commissions.internal.RuleTable;
import dev.canopy.commissions.internal.SourceTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounties: a one-off reward staff grant a partner by hand under a bounty rule of one of its programmes,
 * with a reason ("first deal closed"). The grant is a source the engine prices like any other: the rule's
 * flat amount or its tier's, capped per period, pending for the programme's hold. Conditions other than
 * tier and cap are refused on bounty rules (RuleChecks). A form's token makes one grant however often the
 * form is sent; the API has its Idempotency-Key.
 */
@Service
public class Bounties {

    private static final int MAX_REASON = 300;

    /** A grant as typed or sent; {@code token} is the form's (null: a grant of its own). */
    public record Grant(String partnerId, String ruleId, String reason, String token) {}

    /** The commission a grant made, and whether this call made it (false: the same form was sent before). */
    public record Granted(CommissionView commission, boolean now) {}

    /** An active bounty rule and its programme, to choose from. */
    public record BountyRule(CommissionRule rule, ProgramView program) {}

    private final RuleTable rules;
    private final SourceTable sources;
    private final CommissionTable commissionRows;
    private final Commissions commissions;
    private final Partners partners;
    private final Programs programs;
    private final Memberships memberships;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    Bounties(
            RuleTable rules,
            SourceTable sources,
            CommissionTable commissionRows,
            Commissions commissions,
            Partners partners,
            Programs programs,
            Memberships memberships,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.rules = rules;
        this.sources = sources;
        this.commissionRows = commissionRows;
        this.commissions = commissions;
        this.partners = partners;
        this.programs = programs;
        this.memberships = memberships;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    /** The workspace's active bounty rules, programme by programme. */
    @Transactional(readOnly = true)
    public List<BountyRule> rules() {
        WorkspaceId workspace = currentWorkspace.id();
        return programs.list().stream()
                .flatMap(p -> rules.rules(workspace, p.id(), true).stream()
                        .filter(r -> r.event() == CommissionEvent.BOUNTY)
                        .map(r -> new BountyRule(r, p)))
                .toList();
    }

    /**
     * Grants the bounty: a partner of another workspace is not found; a partner outside the rule's
     * programme, a rule that is not an active bounty rule the partner's tier can earn, or a blank reason is
     * refused with the field named, and nothing is stored.
     */
    @Transactional
    public Granted grant(Grant grant) {
        WorkspaceId workspace = currentWorkspace.id();
        List<FieldProblem> problems = new ArrayList<>();
        UUID partnerId = uuid(grant.partnerId());
        PartnerView partner = partnerId == null ? null : partners.get(new PartnerId(partnerId));
        if (partner == null) {
            problems.add(new FieldProblem("partnerId", "Choose the partner to reward"));
        }
        CommissionRule rule = bountyRule(workspace, grant.ruleId(), problems);
        String reason = grant.reason() == null ? "" : grant.reason().strip();
        if (reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "Say what the bounty is for, like “first deal closed”"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "Keep the reason under " + MAX_REASON + " characters"));
        }
        UUID tier = null;
        if (partner != null && rule != null) {
            Optional<MembershipView> member =
                    memberships.list(rule.program(), partner.id()).stream().findFirst();
            if (member.isEmpty()) {
                problems.add(new FieldProblem(
                        "partnerId",
                        partner.name() + " is not in "
                                + programs.get(rule.program()).name() + ", the programme of this bounty rule"));
            } else if (rule.tierId() != null
                    && !rule.tierId().equals(member.get().tierId())) {
                problems.add(new FieldProblem(
                        "ruleId", "This rule rewards partners at another tier than " + partner.name() + "'s"));
            }
            tier = member.map(MembershipView::tierId).orElse(null);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return grant(workspace, partner, rule, tier, reason, grant.token());
    }

    private Granted grant(
            WorkspaceId workspace, PartnerView partner, CommissionRule rule, UUID tier, String reason, String token) {
        Instant now = clock.instant();
        String by = Actor.withoutEmail(currentWorkspace.actor().name());
        UUID id = sourceId(workspace, token);
        boolean fresh = sources.insert(
                workspace,
                CommissionSource.flat(
                        id,
                        CommissionSource.Kind.BOUNTY,
                        partner.id(),
                        rule.program(),
                        tier,
                        "Bounty: " + reason + " (granted by " + by + ")",
                        now,
                        rule.id(),
                        1),
                now);
        if (fresh) {
            commissions.price(workspace, List.of(id), now);
        }
        CommissionView made = commissionRows.bySource(workspace, id).stream()
                .findFirst()
                .map(c -> commissions.get(c.id()))
                .orElseThrow(() -> new ConflictException("ruleId", "The rule was switched off meanwhile"));
        if (fresh) {
            audit.record(
                    "commissions.bounty-granted",
                    "commission",
                    made.id(),
                    null,
                    Map.of(
                            "partner", partner.name(),
                            "rule", rule.name(),
                            "reason", reason,
                            "amount", made.amount().toString()));
        }
        return new Granted(made, fresh);
    }

    private CommissionRule bountyRule(WorkspaceId workspace, String raw, List<FieldProblem> problems) {
        UUID id = uuid(raw);
        Optional<CommissionRule> found = id == null
                ? Optional.empty()
                : rules.rule(workspace, id).filter(r -> r.event() == CommissionEvent.BOUNTY);
        if (found.isEmpty()) {
            problems.add(new FieldProblem("ruleId", "Choose a bounty rule of one of the partner's programmes"));
            return null;
        }
        if (!found.get().active()) {
            problems.add(new FieldProblem("ruleId", "This bounty rule is switched off in its programme's plan"));
            return null;
        }
        return found.get();
    }

    /** The same form (token) in the same workspace is the same source; no token, a source of its own. */
    private static UUID sourceId(WorkspaceId workspace, String token) {
        UUID parsed = uuid(token);
        String key = "bounty:" + workspace.value() + ":" + (parsed == null ? UUID.randomUUID() : parsed);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static UUID uuid(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
