package dev.canopy.programs;

import dev.canopy.audit.AuditLog;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.internal.MemberTable;
import dev.canopy.programs.internal.MetricTable;
import dev.canopy.programs.internal.ProgramTable;
import dev.canopy.programs.internal.TierChangeTable;
import dev.canopy.programs.internal.TierEvaluator;
import dev.canopy.programs.internal.TierPolicy;
import dev.canopy.programs.internal.TierRules;
import dev.canopy.programs.internal.TierTable;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's tiers, the rules over partner metrics that place members in them, their evaluation
 * (on demand here, daily by the tier review) and the what-if simulation of a rule change.
 */
@Service
public class Tiers {

    /** The source of readings that no module measures: set by hand, through the API, or by the demo. */
    public static final String REPORTED = "reported";

    private final ProgramTable programs;
    private final TierTable tiers;
    private final MemberTable memberships;
    private final MetricTable metrics;
    private final TierChangeTable changes;
    private final TierEvaluator evaluator;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    Tiers(
            ProgramTable programs,
            TierTable tiers,
            MemberTable memberships,
            MetricTable metrics,
            TierChangeTable changes,
            TierEvaluator evaluator,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.programs = programs;
        this.tiers = tiers;
        this.memberships = memberships;
        this.metrics = metrics;
        this.changes = changes;
        this.evaluator = evaluator;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    /** Lowest first. */
    @Transactional(readOnly = true)
    public List<TierView> tiers(ProgramId program) {
        program(program);
        return tiers.list(currentWorkspace.id(), program);
    }

    @Transactional(readOnly = true)
    public TierView tier(ProgramId program, UUID id) {
        return tiers.find(currentWorkspace.id(), program, id).orElseThrow(() -> new NotFoundException("Tier"));
    }

    /** A new tier above the current top one. */
    @Transactional
    public TierView addTier(ProgramId program, TierDraft draft) {
        WorkspaceId workspace = currentWorkspace.id();
        program(program);
        TierRules.Checked checked = TierRules.check(draft);
        programs.lock(workspace, program);
        UUID id = UUID.randomUUID();
        if (!tiers.insert(workspace, program, id, checked, clock.instant())) {
            throw nameTaken(checked.name());
        }
        TierView added = tier(program, id);
        audit.record("programs.tier.added", "tier", id, null, added);
        return added;
    }

    /** New rules apply at the next evaluation (daily, or "Evaluate now"). */
    @Transactional
    public TierView updateTier(ProgramId program, UUID id, TierDraft draft) {
        TierView before = tier(program, id);
        TierRules.Checked checked = TierRules.check(draft);
        if (!tiers.update(currentWorkspace.id(), program, id, checked)) {
            throw nameTaken(checked.name());
        }
        TierView after = tier(program, id);
        audit.record("programs.tier.updated", "tier", id, before, after);
        return after;
    }

    @Transactional
    public void removeTier(ProgramId program, UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        TierView before = tier(program, id);
        if (memberships.anyAtTier(workspace, id)) {
            throw new ConflictException(
                    null, "Partners are in " + before.name() + "; change its rule and evaluate first, then remove it");
        }
        tiers.delete(workspace, program, id);
        audit.record("programs.tier.removed", "tier", id, before, null);
    }

    /**
     * Which members a tier's draft thresholds would move, against today's rules; nothing is stored. Moves
     * down would wait for the programme's grace period, as a real evaluation does.
     */
    @Transactional(readOnly = true)
    public List<Mover> simulate(ProgramId program, UUID tierId, TierDraft draft) {
        WorkspaceId workspace = currentWorkspace.id();
        ProgramView p = program(program);
        tier(program, tierId);
        Map<TierMetric, BigDecimal> drafted = TierRules.thresholds(draft);
        List<TierPolicy.Rule> today = TierEvaluator.rules(tiers.list(workspace, program));
        List<TierPolicy.Rule> withDraft = today.stream()
                .map(r -> r.tierId().equals(tierId) ? new TierPolicy.Rule(r.tierId(), r.rank(), r.name(), drafted) : r)
                .toList();
        List<PartnerId> members = memberships.members(workspace, program).stream()
                .map(MemberTable.Member::partner)
                .toList();
        Map<PartnerId, Map<TierMetric, BigDecimal>> values =
                metrics.values(workspace, members, p.reward().currency());
        Map<PartnerId, String> names = names(members);
        Map<PartnerId, Set<UUID>> barred = evaluator.barred(workspace, program, members, clock.instant());
        List<Mover> movers = new ArrayList<>();
        for (PartnerId partner : members) {
            Set<UUID> unmet = barred.getOrDefault(partner, Set.of());
            TierPolicy.Rule now =
                    TierPolicy.qualifiedFor(today, values.get(partner), unmet).orElse(null);
            TierPolicy.Rule then = TierPolicy.qualifiedFor(withDraft, values.get(partner), unmet)
                    .orElse(null);
            if (TierPolicy.rank(now) != TierPolicy.rank(then)) {
                movers.add(new Mover(
                        partner,
                        names.getOrDefault(partner, partner.toString()),
                        now == null ? null : now.name(),
                        then == null ? null : then.name(),
                        TierPolicy.rank(then) > TierPolicy.rank(now)));
            }
        }
        return List.copyOf(movers);
    }

    /** Evaluates every member now: promotions at once, demotions once the grace period has passed. */
    @Transactional
    public Evaluation evaluate(ProgramId program) {
        return evaluator.evaluate(currentWorkspace.id(), currentWorkspace.actor(), program(program), Optional.empty());
    }

    /** Tier moves, newest first; of one partner when {@code partner} is given. */
    @Transactional(readOnly = true)
    public List<TierChange> history(ProgramId program, PartnerId partner) {
        program(program);
        return changes.list(currentWorkspace.id(), program, partner, 100);
    }

    /**
     * The contract for the modules that measure partners (deals, tracking, enablement): they call this
     * from their event listeners, which run outside any request, so the workspace is the event's.
     * Readings are absolute values, so a replayed event changes nothing; derived data, so not audited.
     */
    @Transactional
    public void recordMetric(WorkspaceId workspace, MetricReading reading) {
        recordMetric(workspace, REPORTED, reading);
    }

    /**
     * A reading from one measuring module ({@code source}, e.g. "tracking"): a partner's metric is the
     * sum of its sources' latest readings, so modules measuring the same metric never overwrite each other.
     */
    @Transactional
    public void recordMetric(WorkspaceId workspace, String source, MetricReading reading) {
        if (reading.partner() == null || reading.metric() == null) {
            throw new InvalidInputException(
                    reading.partner() == null ? "partner" : "metric", "Say which partner and which metric");
        }
        String[] unit = new String[1];
        InvalidInputException.collect(
                () -> {
                    if (reading.value() == null || reading.value().signum() < 0) {
                        throw new InvalidInputException("value", "A metric is zero or more");
                    }
                    if (!reading.metric().money()
                            && reading.value().stripTrailingZeros().scale() > 0) {
                        throw new InvalidInputException("value", "A count is a whole number");
                    }
                },
                () -> unit[0] = unit(reading),
                () -> {
                    if (reading.asOf() == null) {
                        throw new InvalidInputException("asOf", "Required");
                    }
                });
        metrics.record(
                workspace, reading.partner(), reading.metric(), unit[0], source, reading.value(), reading.asOf());
    }

    private static String unit(MetricReading reading) {
        if (!reading.metric().money()) {
            if (reading.currency() != null) {
                throw new InvalidInputException("currency", "A count has no currency");
            }
            return TierMetric.COUNT;
        }
        if (reading.currency() == null) {
            throw new InvalidInputException("currency", "Money needs its ISO 4217 currency");
        }
        Currency currency = Money.currency(reading.currency(), "currency");
        if (reading.value() != null
                && reading.value().stripTrailingZeros().scale() > Math.max(currency.getDefaultFractionDigits(), 0)) {
            throw new InvalidInputException(
                    "value",
                    "Finer than " + currency.getCurrencyCode() + "'s smallest unit: it cannot be counted exactly");
        }
        return currency.getCurrencyCode();
    }

    private Map<PartnerId, String> names(List<PartnerId> ids) {
        return partners.byIds(ids).stream().collect(Collectors.toMap(PartnerView::id, PartnerView::name));
    }

    private ProgramView program(ProgramId id) {
        return programs.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Programme"));
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("name", "The programme has a tier named " + name + " already");
    }
}
