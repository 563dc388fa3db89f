package dev.canopy.commissions;

import dev.canopy.commissions.internal.CommissionStatsTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What partners earned, per UTC day of the commission's making: the programme's cost, for analytics. */
@Service
public class CommissionActivity {

    /**
     * One partner's (null in a sum over every partner) commissions in one currency, reversals netted in; made on
     * {@code day}, or in the period (null).
     */
    public record CostDay(LocalDate day, PartnerId partner, Money cost) {}

    private final CommissionStatsTable stats;

    CommissionActivity(CommissionStatsTable stats) {
        this.stats = stats;
    }

    /**
     * The days {@code from} (included) to {@code to} (excluded), per partner and currency ({@code day} null) — per day
     * too for amounts not in {@code reporting}; {@code program} and {@code partners} (null: any) narrow.
     */
    @Transactional(readOnly = true)
    public List<CostDay> cost(
            WorkspaceId workspace,
            LocalDate from,
            LocalDate to,
            ProgramId program,
            Collection<PartnerId> partners,
            Currency reporting) {
        return stats
                .cost(
                        workspace,
                        from,
                        to,
                        program == null ? null : program.value(),
                        partners == null
                                ? null
                                : partners.stream().map(PartnerId::value).toList(),
                        reporting.getCurrencyCode())
                .stream()
                .map(r -> new CostDay(r.day(), new PartnerId(r.partnerId()), Money.of(r.amount(), r.currency())))
                .toList();
    }

    /** The same cost per day and currency, every partner together ({@code partner} null), for charts. */
    @Transactional(readOnly = true)
    public List<CostDay> costByDay(
            WorkspaceId workspace, LocalDate from, LocalDate to, ProgramId program, Collection<PartnerId> partners) {
        return stats
                .costByDay(
                        workspace,
                        from,
                        to,
                        program == null ? null : program.value(),
                        partners == null
                                ? null
                                : partners.stream().map(PartnerId::value).toList())
                .stream()
                .map(r -> new CostDay(r.day(), null, Money.of(r.amount(), r.currency())))
                .toList();
    }
}
