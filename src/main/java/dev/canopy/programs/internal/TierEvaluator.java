package dev.canopy.programs.internal;

import dev.canopy.audit.AuditLog;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.Evaluation;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.TierChanged;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.TierRequirement;
import dev.canopy.programs.TierRequirements;
import dev.canopy.programs.TierView;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies {@link TierPolicy} to a programme's members on their current metrics: stores each standing,
 * and for each move a history entry and an audit entry. Used on demand, daily and when a partner joins.
 */
@Component
public class TierEvaluator {

    /** A member's tier as the audit log shows it before and after a move. */
    record AuditedTier(String partner, String tier, String reason) {}

    private final TierTable tiers;
    private final MemberTable memberships;
    private final MetricTable metrics;
    private final TierChangeTable changes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final List<TierRequirements> requirements;
    private final Clock clock;

    TierEvaluator(
            TierTable tiers,
            MemberTable memberships,
            MetricTable metrics,
            TierChangeTable changes,
            AuditLog audit,
            ApplicationEventPublisher events,
            List<TierRequirements> requirements,
            Clock clock) {
        this.tiers = tiers;
        this.memberships = memberships;
        this.metrics = metrics;
        this.changes = changes;
        this.audit = audit;
        this.events = events;
        this.requirements = requirements;
        this.clock = clock;
    }

    public static List<TierPolicy.Rule> rules(List<TierView> tiers) {
        return tiers.stream()
                .map(t -> new TierPolicy.Rule(t.id(), t.rank(), t.name(), t.thresholds()))
                .toList();
    }

    /** Evaluates every member of the programme, or only {@code only} when given. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Evaluation evaluate(WorkspaceId workspace, Actor actor, ProgramView program, Optional<PartnerId> only) {
        List<TierPolicy.Rule> rules = rules(tiers.list(workspace, program.id()));
        List<MemberTable.Member> members = memberships.members(workspace, program.id()).stream()
                .filter(m -> only.isEmpty() || only.get().equals(m.partner()))
                .toList();
        Map<PartnerId, Map<TierMetric, BigDecimal>> values = metrics.values(
                workspace,
                members.stream().map(MemberTable.Member::partner).toList(),
                program.reward().currency());
        Instant now = clock.instant();
        Map<PartnerId, Set<UUID>> barred = barred(
                workspace,
                program.id(),
                members.stream().map(MemberTable.Member::partner).toList(),
                now);
        Duration grace = Duration.ofDays(program.demotionGraceDays());
        int promoted = 0;
        int demoted = 0;
        for (MemberTable.Member member : members) {
            TierPolicy.Outcome outcome = TierPolicy.evaluate(
                    rules,
                    member.standing(),
                    values.get(member.partner()),
                    barred.getOrDefault(member.partner(), Set.of()),
                    now,
                    grace);
            memberships.evaluated(
                    workspace,
                    program.id(),
                    member.partner(),
                    outcome.standing(),
                    outcome.move().isPresent(),
                    now);
            if (outcome.move().isPresent()) {
                TierPolicy.Move move = outcome.move().get();
                changes.insert(workspace, program.id(), member.partner(), move, now);
                audit.record(
                        workspace,
                        actor,
                        "programs.tier.changed",
                        "membership",
                        program.id() + "/" + member.partner(),
                        new AuditedTier(member.partner().toString(), name(move.from()), null),
                        new AuditedTier(member.partner().toString(), name(move.to()), move.reason()));
                events.publishEvent(new TierChanged(
                        workspace,
                        program.id(),
                        member.partner(),
                        name(move.from()),
                        name(move.to()),
                        move.reason(),
                        now));
                if (move.up()) {
                    promoted++;
                } else {
                    demoted++;
                }
            }
        }
        return new Evaluation(members.size(), promoted, demoted);
    }

    /** Per partner, the requirements (certifications) on the programme's tiers as it stands now. */
    public Map<PartnerId, List<TierRequirement>> requirements(
            WorkspaceId workspace, ProgramId program, List<PartnerId> partners, Instant now) {
        Map<PartnerId, List<TierRequirement>> all = new HashMap<>();
        for (TierRequirements source : requirements) {
            source.of(workspace, program, partners, now)
                    .forEach((partner, list) ->
                            all.computeIfAbsent(partner, p -> new ArrayList<>()).addAll(list));
        }
        return all;
    }

    /** Per partner, the tiers of the programme whose requirements it does not meet now. */
    public Map<PartnerId, Set<UUID>> barred(
            WorkspaceId workspace, ProgramId program, List<PartnerId> partners, Instant now) {
        Map<PartnerId, Set<UUID>> barred = new HashMap<>();
        requirements(workspace, program, partners, now)
                .forEach((partner, list) -> barred.put(
                        partner,
                        list.stream()
                                .filter(r -> !r.met())
                                .map(TierRequirement::tierId)
                                .collect(Collectors.toSet())));
        return barred;
    }

    private static String name(TierPolicy.Rule rule) {
        return rule == null ? null : rule.name();
    }
}
