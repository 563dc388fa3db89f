package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.CustomerStatsTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Paying customers as analytics counts them: accounts that paid in a period, churn, cohorts by first payment. */
@Service
public class CustomerActivity {

    /** A workspace's customers, optionally one programme's, or those of some partners (null: anyone's). */
    public record Scope(WorkspaceId workspace, ProgramId program, Collection<PartnerId> partners) {}

    /** Customers with a payment in a period: brought by a partner, and not. */
    public record Paying(long withPartner, long direct) {}

    /** Customers paying when a period began, and how many of them churned in it; by partner and not. */
    public record Churn(long partnerAtStart, long partnerChurned, long directAtStart, long directChurned) {}

    /** Customers who first paid in the month of {@code cohort}, and the month they churned in (null: still paying). */
    public record CohortCount(LocalDate cohort, boolean partnered, LocalDate churnedIn, long customers) {}

    private final CustomerStatsTable stats;

    CustomerActivity(CustomerStatsTable stats) {
        this.stats = stats;
    }

    @Transactional(readOnly = true)
    public Paying paying(Scope scope, Instant from, Instant to) {
        long withPartner = 0;
        long direct = 0;
        for (CustomerStatsTable.Accounts a : stats.paying(internal(scope), from, to)) {
            if (a.partnered()) {
                withPartner += a.accounts();
            } else {
                direct += a.accounts();
            }
        }
        return new Paying(withPartner, direct);
    }

    /** Customers paying when day {@code from} began, and how many of them churned before day {@code to}. */
    @Transactional(readOnly = true)
    public Churn churn(Scope scope, LocalDate from, LocalDate to) {
        long[] sums = new long[4];
        for (CustomerStatsTable.Churn c : stats.churn(internal(scope), from, to)) {
            int at = c.partnered() ? 0 : 2;
            sums[at] += c.atStart();
            sums[at + 1] += c.churned();
        }
        return new Churn(sums[0], sums[1], sums[2], sums[3]);
    }

    /** Customers who first paid from month {@code first} up to day {@code to} (excluded), by month (UTC). */
    @Transactional(readOnly = true)
    public List<CohortCount> cohorts(Scope scope, YearMonth first, LocalDate to) {
        return stats.cohorts(internal(scope), first, to).stream()
                .map(c -> new CohortCount(c.cohort(), c.partnered(), c.churnedIn(), c.customers()))
                .toList();
    }

    /** A partner's first lead and first sale (null: none yet). */
    public record Firsts(Instant lead, Instant sale) {}

    @Transactional(readOnly = true)
    public Map<PartnerId, Firsts> firsts(WorkspaceId workspace, Collection<PartnerId> partners) {
        if (partners.isEmpty()) {
            return Map.of();
        }
        return stats.firsts(workspace, partners.stream().map(PartnerId::value).toList()).stream()
                .collect(Collectors.toMap(f -> new PartnerId(f.partnerId()), f -> new Firsts(f.lead(), f.sale())));
    }

    private static CustomerStatsTable.Scope internal(Scope scope) {
        return new CustomerStatsTable.Scope(
                scope.workspace(),
                scope.program() == null ? null : scope.program().value(),
                scope.partners() == null
                        ? null
                        : scope.partners().stream().map(PartnerId::value).toList());
    }
}
