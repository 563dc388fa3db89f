package dev.canopy.commissions;

import dev.canopy.commissions.internal.CommissionStatsTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What partners earned, per UTC day of the commission's making: the programme's cost, for analytics. */
@Service
public class CommissionActivity {

    /** One partner's commissions made on {@code day} in one currency, reversals netted in. */
    public record CostDay(LocalDate day, PartnerId partner, Money cost) {}

    private final CommissionStatsTable stats;

    CommissionActivity(CommissionStatsTable stats) {
        this.stats = stats;
    }

    /** The days {@code from} (included) to {@code to} (excluded); {@code program} and {@code partner} narrow. */
    @Transactional(readOnly = true)
    public List<CostDay> cost(
            WorkspaceId workspace, LocalDate from, LocalDate to, ProgramId program, PartnerId partner) {
        return stats
                .cost(
                        workspace,
                        from,
                        to,
                        program == null ? null : program.value(),
                        partner == null ? null : partner.value())
                .stream()
                .map(r -> new CostDay(r.day(), new PartnerId(r.partnerId()), Money.of(r.amount(), r.currency())))
                .toList();
    }
}
