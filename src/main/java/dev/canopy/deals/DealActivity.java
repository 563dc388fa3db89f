package dev.canopy.deals;

import dev.canopy.deals.internal.DealStatsTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deal registrations per UTC day, partner and outcome: the pipeline they opened, and what they won or lost. */
@Service
public class DealActivity {

    /** What happened to registrations on a day: approved (and so pipeline), won or lost. */
    public enum Outcome {
        APPROVED,
        WON,
        LOST
    }

    /**
     * The registrations (of the partners asked for) that reached {@code outcome} on {@code day}, in one currency; {@code
     * sourcing} for wins (sourced or influenced, never blended); {@code cycleDays} the days from approval to
     * close summed over them (wins and losses).
     */
    public record DealDay(
            LocalDate day, Outcome outcome, Sourcing sourcing, long deals, Money amount, BigDecimal cycleDays) {}

    private final DealStatsTable stats;

    DealActivity(DealStatsTable stats) {
        this.stats = stats;
    }

    /** Each of {@code partners}' first registration, when it has one. */
    @Transactional(readOnly = true)
    public Map<PartnerId, Instant> firstRegistrations(WorkspaceId workspace, Collection<PartnerId> partners) {
        if (partners.isEmpty()) {
            return Map.of();
        }
        Map<PartnerId, Instant> firsts = new HashMap<>();
        stats.firstRegistrations(
                        workspace, partners.stream().map(PartnerId::value).toList())
                .forEach((id, at) -> firsts.put(new PartnerId(id), at));
        return firsts;
    }

    /**
     * The days {@code from} (included) to {@code to} (excluded), per outcome and currency ({@code day} null) — per day
     * too for amounts not in {@code reporting}; {@code program} and {@code partners} (null: any) narrow.
     */
    @Transactional(readOnly = true)
    public List<DealDay> days(
            WorkspaceId workspace,
            LocalDate from,
            LocalDate to,
            ProgramId program,
            Collection<PartnerId> partners,
            Currency reporting) {
        return stats
                .days(
                        workspace,
                        from,
                        to,
                        program == null ? null : program.value(),
                        partners == null
                                ? null
                                : partners.stream().map(PartnerId::value).toList(),
                        reporting.getCurrencyCode())
                .stream()
                .map(r -> new DealDay(
                        r.day(),
                        Outcome.valueOf(r.outcome()),
                        r.sourcing() == null ? null : Sourcing.valueOf(r.sourcing()),
                        r.deals(),
                        Money.of(r.amount(), r.currency()),
                        r.cycleDays()))
                .toList();
    }
}
