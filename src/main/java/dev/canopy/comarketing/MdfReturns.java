package dev.canopy.comarketing;

import dev.canopy.audit.AuditLog;
import dev.canopy.comarketing.internal.ActivityDealTable;
import dev.canopy.comarketing.internal.Allocated;
import dev.canopy.comarketing.internal.MdfBudgetTable;
import dev.canopy.comarketing.internal.MdfClaimTable;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.CampaignResults;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MDF ROI, from the same attribution data that pays commissions, never typed in: each approved activity's spend
 * against the customers its tagged links brought and the deal registrations linked to it, and the same summed per
 * partner, tier and activity type.
 */
@Service
public class MdfReturns {

    /** Every approved activity, and their sums per partner, tier (held now) and activity type. */
    public record Report(
            List<ActivityReturn> activities,
            List<ActivityReturn> partners,
            List<ActivityReturn> tiers,
            List<ActivityReturn> types) {}

    private static final Set<DealStatus> PIPELINE = Set.of(DealStatus.PENDING, DealStatus.APPROVED, DealStatus.WON);

    private final FundRequests requests;
    private final MdfClaimTable claims;
    private final MdfBudgetTable budgets;
    private final ActivityDealTable activityDeals;
    private final Allocated allocated;
    private final Tiers tiers;
    private final Deals deals;
    private final CampaignResults campaigns;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    MdfReturns(
            FundRequests requests,
            MdfClaimTable claims,
            MdfBudgetTable budgets,
            ActivityDealTable activityDeals,
            Allocated allocated,
            Tiers tiers,
            Deals deals,
            CampaignResults campaigns,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.requests = requests;
        this.claims = claims;
        this.budgets = budgets;
        this.activityDeals = activityDeals;
        this.allocated = allocated;
        this.tiers = tiers;
        this.deals = deals;
        this.campaigns = campaigns;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    /** Staff: every partner's approved activities; a partner: its own. */
    @Transactional(readOnly = true)
    public Report report() {
        WorkspaceId workspace = currentWorkspace.id();
        Map<UUID, List<UUID>> linked = activityDeals.all(workspace);
        Map<String, ActivityReturn> partners = new LinkedHashMap<>();
        Map<String, ActivityReturn> tierSums = new LinkedHashMap<>();
        Map<String, ActivityReturn> types = new LinkedHashMap<>();
        Map<UUID, Map<UUID, String>> tierNames = new LinkedHashMap<>();
        List<ActivityReturn> activities = new ArrayList<>();
        for (FundRequestView r : requests.list(FundRequestStatus.APPROVED)) {
            ActivityReturn a = of(workspace, r, linked.getOrDefault(r.id(), List.of()));
            activities.add(a);
            String currency = a.spend().currencyCode();
            add(partners, r.partnerName(), currency, a, r.partnerId());
            MdfBudgetTable.Row budget = budgets.find(workspace, r.budgetId()).orElseThrow();
            UUID tier = allocated.tier(budget, r.partnerId());
            String tierName = tier == null
                    ? "No tier"
                    : tierNames
                            .computeIfAbsent(budget.programId(), p -> names(new ProgramId(p)))
                            .getOrDefault(tier, "No tier");
            add(tierSums, tierName, currency, a, null);
            add(types, r.activityType().label(), currency, a, null);
        }
        Comparator<ActivityReturn> bySpend =
                Comparator.comparing((ActivityReturn x) -> x.spend().amount()).reversed();
        return new Report(
                activities,
                partners.values().stream().sorted(bySpend).toList(),
                tierSums.values().stream().sorted(bySpend).toList(),
                types.values().stream().sorted(bySpend).toList());
    }

    /** What one activity cost and brought so far. */
    @Transactional(readOnly = true)
    public ActivityReturn of(UUID request) {
        WorkspaceId workspace = currentWorkspace.id();
        FundRequestView r = requests.get(request);
        return of(workspace, r, activityDeals.all(workspace).getOrDefault(r.id(), List.of()));
    }

    /** The deal registrations linked to an activity. */
    @Transactional(readOnly = true)
    public List<DealView> deals(UUID request) {
        WorkspaceId workspace = currentWorkspace.id();
        requests.get(request);
        return activityDeals.all(workspace).getOrDefault(request, List.of()).stream()
                .map(deals::get)
                .toList();
    }

    /** Counts a deal registration of the activity's partner for the activity (once: a deal counts for one). */
    @Transactional
    public ActivityReturn link(UUID request, String dealId) {
        WorkspaceId workspace = currentWorkspace.id();
        FundRequestView r = requests.get(request);
        if (r.status() != FundRequestStatus.APPROVED) {
            throw new ConflictException(null, "Deals count for an approved activity only");
        }
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(dealId).strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("dealId", "Choose a deal registration");
        }
        DealView deal;
        try {
            deal = deals.get(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException("dealId", "Choose a deal registration of " + r.partnerName());
        }
        if (!deal.partnerId().equals(r.partnerId())) {
            throw new InvalidInputException("dealId", "Choose a deal registration of " + r.partnerName());
        }
        if (!activityDeals.link(workspace, request, id, currentWorkspace.actor().name(), clock.instant())) {
            throw new ConflictException("dealId", deal.accountName() + " counts for an MDF activity already");
        }
        audit.record("mdf.deal-linked", "mdf-request", request, null, deal.id());
        return of(request);
    }

    @Transactional
    public ActivityReturn unlink(UUID request, UUID deal) {
        WorkspaceId workspace = currentWorkspace.id();
        requests.get(request);
        activityDeals.unlink(workspace, request, deal);
        audit.record("mdf.deal-unlinked", "mdf-request", request, deal, null);
        return of(request);
    }

    private ActivityReturn of(WorkspaceId workspace, FundRequestView r, List<UUID> dealIds) {
        String currency = r.plannedCost().currencyCode();
        Money zero = Money.zero(r.plannedCost().currency());
        Money spend = claims.ofRequest(workspace, r.id())
                .map(c -> c.approved() == null ? zero : c.approved())
                .orElse(zero);
        CampaignResults.Result brought = campaigns.of(workspace, r.partnerId(), r.tag(), currency);
        Money pipeline = zero;
        Money won = brought.revenue();
        for (UUID id : dealIds) {
            DealView d = deals.get(id);
            if (!d.amount().currencyCode().equals(currency)) {
                continue;
            }
            if (PIPELINE.contains(d.status())) {
                pipeline = pipeline.plus(d.amount());
            }
            if (d.status() == DealStatus.WON) {
                won = won.plus(d.amount());
            }
        }
        return new ActivityReturn(
                r.id(),
                r.reference() + " " + r.title(),
                r.partnerId(),
                1,
                spend,
                brought.clicks(),
                brought.leads() + dealIds.size(),
                pipeline,
                won);
    }

    private Map<UUID, String> names(ProgramId program) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (TierView t : tiers.tiers(program)) {
            names.put(t.id(), t.name());
        }
        return names;
    }

    private static void add(
            Map<String, ActivityReturn> sums, String name, String currency, ActivityReturn a, PartnerId partner) {
        Function<String, ActivityReturn> first = k -> new ActivityReturn(
                null,
                name,
                partner,
                0,
                Money.zero(a.spend().currency()),
                0,
                0,
                Money.zero(a.spend().currency()),
                Money.zero(a.spend().currency()));
        sums.merge(name + " " + currency, first.apply(name).plus(a), ActivityReturn::plus);
    }
}
