package dev.canopy.comarketing;

import dev.canopy.audit.AuditLog;
import dev.canopy.comarketing.internal.Allocated;
import dev.canopy.comarketing.internal.FundsPolicy;
import dev.canopy.comarketing.internal.MdfBudgetTable;
import dev.canopy.comarketing.internal.MdfInputs;
import dev.canopy.comarketing.internal.MdfRequestTable;
import dev.canopy.comarketing.internal.Ownership;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for funds: a partner asks for part of its allocation for an activity; staff approve (all or part of it;
 * above the budget's threshold two different people) or reject; an approved request is claimed by its due date, which
 * staff may extend when the partner asks. Every check of money runs under the budget's lock, so requests and
 * approvals at the same moment never take more than the allocation or the budget holds.
 */
@Service
public class FundRequests {

    private final MdfRequestTable requests;
    private final MdfBudgetTable budgets;
    private final Allocated allocated;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FundRequests(
            MdfRequestTable requests,
            MdfBudgetTable budgets,
            Allocated allocated,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.budgets = budgets;
        this.allocated = allocated;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Staff: the workspace's requests, in one status or all; a partner: its own. */
    @Transactional(readOnly = true)
    public List<FundRequestView> list(@Nullable FundRequestStatus status) {
        WorkspaceId workspace = currentWorkspace.id();
        UUID partner =
                PartnerId.signedIn(currentWorkspace).map(PartnerId::value).orElse(null);
        return views(workspace, requests.list(workspace, partner, status, null));
    }

    @Transactional(readOnly = true)
    public List<FundRequestView> ofBudget(UUID budget) {
        WorkspaceId workspace = currentWorkspace.id();
        return views(workspace, requests.list(workspace, null, null, budget));
    }

    /** A request: staff any of the workspace's, a partner only its own. */
    @Transactional(readOnly = true)
    public FundRequestView get(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        return views(workspace, List.of(row(workspace, id))).getFirst();
    }

    @Transactional
    public FundRequestView submit(FundRequestInput input) {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId partner = partner();
        LocalDate today = today();
        MdfInputs in = new MdfInputs();
        UUID budgetId = in.id("budgetId", input.budgetId(), "Choose the budget");
        MdfBudgetTable.Row budget =
                budgetId == null ? null : budgets.lock(workspace, budgetId).orElse(null);
        if (budgetId != null
                && (budget == null
                        || allocated.applying(workspace, budget, partner).isEmpty())) {
            in.problem("budgetId", "Choose a budget that allocates your company funds");
            budget = null;
        } else if (budget != null && !budget.open(today)) {
            in.problem(
                    "budgetId",
                    "This budget's period ended on " + budget.endsOn() + ": its funds are no longer" + " available");
        }
        ActivityType type =
                in.choice("activityType", input.activityType(), ActivityType.class, "Choose the kind of activity");
        String title = in.text("title", input.title(), 200, true);
        String description = in.text("description", input.description(), 4000, false);
        LocalDate starts = in.date("startsOn", input.startsOn());
        LocalDate ends = in.date("endsOn", input.endsOn());
        if (starts != null && ends != null && ends.isBefore(starts)) {
            in.problem("endsOn", "End the activity on or after its first day");
        } else if (starts != null
                && budget != null
                && (starts.isBefore(budget.startsOn()) || starts.isAfter(budget.endsOn()))) {
            in.problem(
                    "startsOn",
                    "Start the activity within the budget's period, " + budget.startsOn() + " to " + budget.endsOn());
        }
        Money cost = in.amount(
                "plannedCost",
                input.plannedCost(),
                budget == null ? null : budget.amount().currency());
        Integer leads = in.number("expectedLeads", input.expectedLeads(), 0, 1_000_000, 0);
        if (cost != null && budget != null) {
            MdfRequestTable.Sums held = requests.sums(workspace, budget.id(), partner.value());
            Money c = Money.zero(budget.amount().currency());
            String over = FundsPolicy.overAllocation(
                    allocated.of(workspace, budget, partner, clock.instant()),
                    c.plus(new Money(held.requested(), c.currency())).plus(new Money(held.approved(), c.currency())),
                    cost);
            if (over != null) {
                in.problem("plannedCost", over.replace("this partner's", "your"));
            }
        }
        in.check();
        Instant now = clock.instant();
        MdfRequestTable.Row row = new MdfRequestTable.Row(
                UUID.randomUUID(),
                requests.nextNumber(workspace),
                budget.id(),
                budget.name(),
                partner.value(),
                type,
                title,
                description,
                starts,
                ends,
                cost,
                leads,
                FundRequestStatus.SUBMITTED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                currentWorkspace.actor().name(),
                now);
        requests.insert(workspace, row);
        FundRequestView view = get(row.id());
        audit.record("mdf.requested", "mdf-request", row.id(), null, view);
        moved(workspace, view);
        return view;
    }

    /**
     * Approves {@code amount} (blank: the planned cost, never more): within the partner's allocation and the budget,
     * checked under the budget's lock. Above the budget's threshold the first approval is recorded and a second
     * person approves.
     */
    @Transactional
    public FundRequestView approve(UUID id, @Nullable String amount) {
        WorkspaceId workspace = currentWorkspace.id();
        staff();
        Actor by = currentWorkspace.actor();
        MdfRequestTable.Row seen = row(workspace, id);
        MdfBudgetTable.Row budget = budgets.lock(workspace, seen.budgetId()).orElseThrow();
        MdfRequestTable.Row r = row(workspace, id);
        waiting(r);
        MdfInputs in = new MdfInputs();
        Money approved = amount == null || amount.isBlank()
                ? r.plannedCost()
                : in.amount("amount", amount, budget.amount().currency());
        if (approved != null && approved.compareTo(r.plannedCost()) > 0) {
            in.problem("amount", "Approve at most the planned cost of " + r.plannedCost());
        }
        in.check();
        PartnerId partner = new PartnerId(r.partnerId());
        Money zero = Money.zero(budget.amount().currency());
        String over = FundsPolicy.overAllocation(
                allocated.of(workspace, budget, partner, clock.instant()),
                zero.plus(new Money(
                        requests.sums(workspace, budget.id(), r.partnerId()).approved(), zero.currency())),
                approved);
        if (over == null) {
            over = FundsPolicy.overBudget(
                    budget.amount(),
                    new Money(requests.approvedInBudget(workspace, budget.id()), zero.currency()),
                    approved);
        }
        if (over != null) {
            throw new InvalidInputException("amount", over);
        }
        boolean twoPeople =
                budget.secondApprovalAbove() != null && approved.compareTo(budget.secondApprovalAbove()) > 0;
        if (twoPeople && r.firstApprovedBy() == null) {
            requests.firstApproval(workspace, id, by.name(), by.id());
            audit.record("mdf.request-first-approval", "mdf-request", id, null, get(id));
            return get(id);
        }
        if (twoPeople && by.id().equals(r.firstApproverId())) {
            throw new ConflictException(
                    null,
                    "Above " + budget.secondApprovalAbove() + " someone other than " + r.firstApprovedBy()
                            + " approves it too");
        }
        requests.approve(
                workspace,
                id,
                approved.amount(),
                by.name(),
                clock.instant(),
                r.endsOn().plusDays(budget.claimDays()));
        FundRequestView view = get(id);
        audit.record("mdf.request-approved", "mdf-request", id, null, view);
        moved(workspace, view);
        return view;
    }

    @Transactional
    public FundRequestView reject(UUID id, String reason) {
        WorkspaceId workspace = currentWorkspace.id();
        staff();
        MdfRequestTable.Row r = row(workspace, id);
        waiting(r);
        MdfInputs in = new MdfInputs();
        String why = in.text("reason", reason, 500, true);
        in.check();
        requests.close(
                workspace,
                id,
                FundRequestStatus.REJECTED,
                why,
                currentWorkspace.actor().name(),
                clock.instant());
        FundRequestView view = get(id);
        audit.record("mdf.request-rejected", "mdf-request", id, null, view);
        moved(workspace, view);
        return view;
    }

    /** The partner withdraws a request staff have not decided yet. */
    @Transactional
    public FundRequestView cancel(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        partner();
        MdfRequestTable.Row r = row(workspace, id);
        waiting(r);
        requests.close(
                workspace,
                id,
                FundRequestStatus.CANCELLED,
                "Withdrawn",
                currentWorkspace.actor().name(),
                clock.instant());
        FundRequestView view = get(id);
        audit.record("mdf.request-cancelled", "mdf-request", id, null, view);
        moved(workspace, view);
        return view;
    }

    /** The partner asks for a later claim deadline, saying why. */
    @Transactional
    public FundRequestView askExtension(UUID id, String reason) {
        WorkspaceId workspace = currentWorkspace.id();
        partner();
        MdfRequestTable.Row r = row(workspace, id);
        if (r.status() != FundRequestStatus.APPROVED) {
            throw new ConflictException(null, "Only an approved request's claim deadline can be extended");
        }
        MdfInputs in = new MdfInputs();
        String why = in.text("reason", reason, 500, true);
        in.check();
        requests.askExtension(workspace, id, why);
        FundRequestView view = get(id);
        audit.record("mdf.extension-asked", "mdf-request", id, null, view);
        return view;
    }

    /** Staff move an approved request's claim deadline later (whether or not the partner asked). */
    @Transactional
    public FundRequestView extend(UUID id, String claimDueOn) {
        WorkspaceId workspace = currentWorkspace.id();
        staff();
        MdfRequestTable.Row r = row(workspace, id);
        if (r.status() != FundRequestStatus.APPROVED) {
            throw new ConflictException(null, "Only an approved request's claim deadline can be extended");
        }
        MdfInputs in = new MdfInputs();
        LocalDate due = in.date("claimDueOn", claimDueOn);
        if (due != null && !due.isAfter(r.claimDueOn())) {
            in.problem("claimDueOn", "Choose a day after the current deadline, " + r.claimDueOn());
        }
        in.check();
        requests.extend(workspace, id, due);
        FundRequestView view = get(id);
        audit.record("mdf.claim-deadline-extended", "mdf-request", id, null, view);
        return view;
    }

    private void moved(WorkspaceId workspace, FundRequestView r) {
        events.publishEvent(new FundRequestMoved(
                workspace,
                r.id(),
                r.reference(),
                r.partnerId(),
                r.status(),
                r.plannedCost(),
                r.approvedAmount(),
                currentWorkspace.actor().name(),
                clock.instant()));
    }

    private MdfRequestTable.Row row(WorkspaceId workspace, UUID id) {
        MdfRequestTable.Row r = requests.find(workspace, id).orElseThrow(() -> new NotFoundException("Request"));
        Ownership.check(currentWorkspace, r.partnerId(), "Request");
        return r;
    }

    private static void waiting(MdfRequestTable.Row r) {
        if (r.status() != FundRequestStatus.SUBMITTED) {
            throw new ConflictException(
                    null, r.reference() + " was " + r.status().name().toLowerCase() + " before");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private List<FundRequestView> views(WorkspaceId workspace, List<MdfRequestTable.Row> rows) {
        Map<PartnerId, String> names =
                partners
                        .byIds(rows.stream()
                                .map(r -> new PartnerId(r.partnerId()))
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(PartnerView::id, PartnerView::name));
        Map<UUID, MdfBudgetTable.Row> budgetRows =
                budgets.list(workspace).stream().collect(Collectors.toMap(MdfBudgetTable.Row::id, b -> b));
        return rows.stream()
                .map(r -> {
                    MdfBudgetTable.Row b = budgetRows.get(r.budgetId());
                    return r.view(
                            names.getOrDefault(new PartnerId(r.partnerId()), "A removed partner"),
                            b == null ? null : b.secondApprovalAbove());
                })
                .toList();
    }

    private PartnerId partner() {
        return PartnerId.signedIn(currentWorkspace)
                .orElseThrow(() -> new AccessDeniedException("Only partner users request funds"));
    }

    private void staff() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped) {
            throw new AccessDeniedException("Only staff decide on requests");
        }
    }
}
