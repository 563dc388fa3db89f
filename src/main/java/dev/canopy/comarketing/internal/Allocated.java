package dev.canopy.comarketing.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.PartnerRevenue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a budget allocates one partner now: its named allocations and those of the tier it holds in the budget's
 * programme today; an accrual counts the revenue attributed to it from the period's first day (UTC) until now or
 * the period's end, whichever is first.
 */
@Component
public class Allocated {

    private final MdfBudgetTable budgets;
    private final Memberships memberships;
    private final PartnerRevenue revenue;

    Allocated(MdfBudgetTable budgets, Memberships memberships, PartnerRevenue revenue) {
        this.budgets = budgets;
        this.memberships = memberships;
        this.revenue = revenue;
    }

    /** The partner's tier in the budget's programme, or null when it is no member or holds none. */
    public @Nullable UUID tier(MdfBudgetTable.Row budget, PartnerId partner) {
        return memberships.list(new ProgramId(budget.programId()), partner).stream()
                .map(MembershipView::tierId)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    public boolean member(MdfBudgetTable.Row budget, PartnerId partner) {
        return !memberships.list(new ProgramId(budget.programId()), partner).isEmpty();
    }

    /** The allocations that apply to the partner (none when it left the programme). */
    public List<MdfBudgetTable.Allocation> applying(
            WorkspaceId workspace, MdfBudgetTable.Row budget, PartnerId partner) {
        if (!member(budget, partner)) {
            return List.of();
        }
        UUID tier = tier(budget, partner);
        return budgets.allocations(workspace, budget.id()).stream()
                .filter(a -> partner.value().equals(a.partnerId()) || (tier != null && tier.equals(a.tierId())))
                .toList();
    }

    public Money of(WorkspaceId workspace, MdfBudgetTable.Row budget, PartnerId partner, Instant now) {
        Money total = Money.zero(budget.amount().currency());
        for (MdfBudgetTable.Allocation a : applying(workspace, budget, partner)) {
            total = total.plus(amount(workspace, budget, partner, a, now));
        }
        return total;
    }

    private Money amount(
            WorkspaceId workspace,
            MdfBudgetTable.Row budget,
            PartnerId partner,
            MdfBudgetTable.Allocation a,
            Instant now) {
        if (a.accrualPercent() == null) {
            return a.amount();
        }
        Instant from = budget.startsOn().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = budget.endsOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = now.isBefore(end) ? now : end;
        if (!to.isAfter(from)) {
            return Money.zero(a.amount().currency());
        }
        Money earned = revenue.net(workspace, partner, budget.amount().currencyCode(), from, to);
        return FundsPolicy.accrued(earned, a.accrualPercent(), a.amount());
    }
}
