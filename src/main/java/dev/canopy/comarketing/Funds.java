package dev.canopy.comarketing;

import dev.canopy.audit.AuditLog;
import dev.canopy.comarketing.internal.Allocated;
import dev.canopy.comarketing.internal.MdfBudgetTable;
import dev.canopy.comarketing.internal.MdfClaimTable;
import dev.canopy.comarketing.internal.MdfInputs;
import dev.canopy.comarketing.internal.MdfRequestTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MDF budgets and their allocations, and the balances they give partners. Staff create budgets and allocate them;
 * a partner sees its own balances.
 */
@Service
public class Funds {

    private final MdfBudgetTable budgets;
    private final MdfRequestTable requests;
    private final MdfClaimTable claims;
    private final Allocated allocated;
    private final Programs programs;
    private final Tiers tiers;
    private final Memberships memberships;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Funds(
            MdfBudgetTable budgets,
            MdfRequestTable requests,
            MdfClaimTable claims,
            Allocated allocated,
            Programs programs,
            Tiers tiers,
            Memberships memberships,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.budgets = budgets;
        this.requests = requests;
        this.claims = claims;
        this.allocated = allocated;
        this.programs = programs;
        this.tiers = tiers;
        this.memberships = memberships;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<BudgetView> list() {
        WorkspaceId workspace = currentWorkspace.id();
        Map<ProgramId, String> names =
                programs.all(workspace).stream().collect(Collectors.toMap(ProgramView::id, ProgramView::name));
        return budgets.list(workspace).stream()
                .map(b -> view(workspace, b, names))
                .toList();
    }

    @Transactional(readOnly = true)
    public BudgetView get(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        MdfBudgetTable.Row row = budgets.find(workspace, id).orElseThrow(() -> new NotFoundException("Budget"));
        return view(workspace, row, Map.of());
    }

    @Transactional
    public BudgetView create(BudgetInput input) {
        WorkspaceId workspace = currentWorkspace.id();
        MdfInputs in = new MdfInputs();
        UUID program = in.id("programId", input.programId(), "Choose the programme");
        if (program != null && programs.find(workspace, new ProgramId(program)).isEmpty()) {
            in.problem("programId", "Choose a programme of this workspace");
        }
        String name = in.text("name", input.name(), 120, true);
        LocalDate starts = in.date("startsOn", input.startsOn());
        LocalDate ends = in.date("endsOn", input.endsOn());
        if (starts != null && ends != null && ends.isBefore(starts)) {
            in.problem("endsOn", "End the period on or after its first day");
        } else if (starts != null && ends != null && ends.isAfter(starts.plusYears(2))) {
            in.problem("endsOn", "A budget's period is at most two years");
        }
        Currency currency = in.currency("currency", input.currency());
        Money amount = in.amount("amount", input.amount(), currency);
        Integer claimDays = in.number("claimDays", input.claimDays(), 1, 365, 30);
        Money second = input.secondApprovalAbove() == null
                        || input.secondApprovalAbove().isBlank()
                ? null
                : in.amount("secondApprovalAbove", input.secondApprovalAbove(), currency);
        in.check();
        Instant now = clock.instant();
        MdfBudgetTable.Row row = new MdfBudgetTable.Row(
                UUID.randomUUID(),
                program,
                name,
                starts,
                ends,
                amount,
                claimDays,
                second,
                currentWorkspace.actor().name(),
                now);
        budgets.insert(workspace, row);
        BudgetView view = view(workspace, row, Map.of());
        audit.record("mdf.budget-created", "mdf-budget", row.id(), null, view);
        events.publishEvent(new MdfBudgetCreated(
                workspace, row.id(), view.programId(), name, starts, ends, amount, row.createdBy(), now));
        return view;
    }

    @Transactional(readOnly = true)
    public List<AllocationView> allocations(UUID budget) {
        WorkspaceId workspace = currentWorkspace.id();
        MdfBudgetTable.Row row = budgets.find(workspace, budget).orElseThrow(() -> new NotFoundException("Budget"));
        Map<UUID, String> tierNames = tiers.tiers(new ProgramId(row.programId())).stream()
                .collect(Collectors.toMap(TierView::id, TierView::name));
        List<MdfBudgetTable.Allocation> all = budgets.allocations(workspace, budget);
        Function<PartnerId, String> partnerNames = names(all.stream()
                .filter(a -> a.partnerId() != null)
                .map(a -> new PartnerId(a.partnerId()))
                .toList());
        return all.stream()
                .map(a -> new AllocationView(
                        a.id(),
                        a.budgetId(),
                        a.partnerId() == null ? null : new PartnerId(a.partnerId()),
                        a.tierId(),
                        a.partnerId() == null
                                ? "Each partner in " + tierNames.getOrDefault(a.tierId(), "a removed tier")
                                : partnerNames.apply(new PartnerId(a.partnerId())),
                        a.amount(),
                        a.accrualPercent()))
                .toList();
    }

    /** Allocates part of a budget to a named partner of its programme or to each partner of one of its tiers. */
    @Transactional
    public AllocationView allocate(UUID budget, AllocationInput input) {
        WorkspaceId workspace = currentWorkspace.id();
        MdfBudgetTable.Row row = budgets.find(workspace, budget).orElseThrow(() -> new NotFoundException("Budget"));
        MdfInputs in = new MdfInputs();
        boolean toPartner = input.partnerId() != null && !input.partnerId().isBlank();
        boolean toTier = input.tierId() != null && !input.tierId().isBlank();
        UUID partner = null;
        UUID tier = null;
        if (toPartner == toTier) {
            in.problem("partnerId", "Choose either a partner or a tier");
        } else if (toPartner) {
            partner = in.id("partnerId", input.partnerId(), "Choose a partner");
            if (partner != null
                    && memberships
                            .list(new ProgramId(row.programId()), new PartnerId(partner))
                            .isEmpty()) {
                in.problem("partnerId", "Choose a partner of the budget's programme");
            }
        } else {
            tier = in.id("tierId", input.tierId(), "Choose a tier");
            UUID chosen = tier;
            if (chosen != null
                    && tiers.tiers(new ProgramId(row.programId())).stream().noneMatch(t -> t.id().equals(chosen))) {
                in.problem("tierId", "Choose a tier of the budget's programme");
            }
        }
        Money amount = in.amount("amount", input.amount(), row.amount().currency());
        if (amount != null && amount.compareTo(row.amount()) > 0) {
            in.problem("amount", "Allocate at most the budget's " + row.amount());
        }
        BigDecimal percent =
                input.accrualPercent() == null || input.accrualPercent().isBlank()
                        ? null
                        : in.percent("accrualPercent", input.accrualPercent());
        in.check();
        MdfBudgetTable.Allocation allocation =
                new MdfBudgetTable.Allocation(UUID.randomUUID(), budget, partner, tier, amount, percent);
        if (!budgets.insertAllocation(
                workspace, allocation, currentWorkspace.actor().name(), clock.instant())) {
            throw new ConflictException(
                    toPartner ? "partnerId" : "tierId",
                    "This budget already has an allocation for " + (toPartner ? "this partner" : "this tier"));
        }
        AllocationView view = allocations(budget).stream()
                .filter(a -> a.id().equals(allocation.id()))
                .findFirst()
                .orElseThrow();
        audit.record("mdf.allocated", "mdf-budget", budget, null, view);
        return view;
    }

    /** Removes an allocation: what was approved under it stays approved; nothing more can be requested under it. */
    @Transactional
    public void removeAllocation(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        MdfBudgetTable.Allocation a =
                budgets.findAllocation(workspace, id).orElseThrow(() -> new NotFoundException("Allocation"));
        budgets.deleteAllocation(workspace, id);
        audit.record("mdf.allocation-removed", "mdf-budget", a.budgetId(), a, null);
    }

    /** The balance of every partner a budget allocates to: named ones and the members of its allocated tiers. */
    @Transactional(readOnly = true)
    public List<FundBalance> balances(UUID budget) {
        WorkspaceId workspace = currentWorkspace.id();
        MdfBudgetTable.Row row = budgets.find(workspace, budget).orElseThrow(() -> new NotFoundException("Budget"));
        Set<UUID> tiersAllocated = new LinkedHashSet<>();
        Set<PartnerId> who = new LinkedHashSet<>();
        for (MdfBudgetTable.Allocation a : budgets.allocations(workspace, budget)) {
            if (a.partnerId() != null) {
                who.add(new PartnerId(a.partnerId()));
            } else {
                tiersAllocated.add(a.tierId());
            }
        }
        for (MembershipView m : memberships.list(new ProgramId(row.programId()), null)) {
            if (m.tierId() != null && tiersAllocated.contains(m.tierId())) {
                who.add(m.partnerId());
            }
        }
        Function<PartnerId, String> names = names(new ArrayList<>(who));
        return who.stream()
                .map(p -> balance(workspace, row, p, names.apply(p)))
                .sorted(Comparator.comparing(FundBalance::partnerName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The signed-in partner's balances: every budget of its programmes that allocates it something. */
    @Transactional(readOnly = true)
    public List<FundBalance> mine() {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId partner = partner();
        String name = partners.get(partner).name();
        List<ProgramId> mine = memberships.programsOf(workspace, partner);
        return budgets.list(workspace).stream()
                .filter(b -> mine.contains(new ProgramId(b.programId())))
                .filter(b -> !allocated.applying(workspace, b, partner).isEmpty())
                .map(b -> balance(workspace, b, partner, name))
                .toList();
    }

    /** A partner's balance in one budget, for the request form and the API. */
    @Transactional(readOnly = true)
    public FundBalance balance(UUID budget, PartnerId partner) {
        WorkspaceId workspace = currentWorkspace.id();
        MdfBudgetTable.Row row = budgets.find(workspace, budget).orElseThrow(() -> new NotFoundException("Budget"));
        return balance(workspace, row, partner, partners.get(partner).name());
    }

    private FundBalance balance(WorkspaceId workspace, MdfBudgetTable.Row b, PartnerId partner, String name) {
        Currency c = b.amount().currency();
        MdfRequestTable.Sums held = requests.sums(workspace, b.id(), partner.value());
        MdfClaimTable.Sums claimed = claims.sums(workspace, b.id(), partner.value());
        return new FundBalance(
                b.id(),
                b.name(),
                b.endsOn(),
                partner,
                name,
                allocated.of(workspace, b, partner, clock.instant()),
                new Money(held.requested(), c),
                new Money(held.approved(), c),
                new Money(claimed.claimed(), c),
                new Money(claimed.paid(), c));
    }

    private BudgetView view(WorkspaceId workspace, MdfBudgetTable.Row b, Map<ProgramId, String> programNames) {
        ProgramId program = new ProgramId(b.programId());
        String programName = programNames.containsKey(program)
                ? programNames.get(program)
                : programs.find(workspace, program).map(ProgramView::name).orElse("A removed programme");
        Currency c = b.amount().currency();
        return new BudgetView(
                b.id(),
                program,
                programName,
                b.name(),
                b.startsOn(),
                b.endsOn(),
                b.amount(),
                b.claimDays(),
                b.secondApprovalAbove(),
                new Money(requests.approvedInBudget(workspace, b.id()), c),
                new Money(claims.paidInBudget(workspace, b.id()), c),
                b.createdBy(),
                b.createdAt());
    }

    private Function<PartnerId, String> names(List<PartnerId> ids) {
        Map<PartnerId, String> names =
                partners.byIds(ids).stream().collect(Collectors.toMap(PartnerView::id, PartnerView::name));
        return id -> names.getOrDefault(id, "A removed partner");
    }

    private PartnerId partner() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped p) {
            return new PartnerId(p.partnerId());
        }
        throw new NotFoundException("Partner");
    }
}
