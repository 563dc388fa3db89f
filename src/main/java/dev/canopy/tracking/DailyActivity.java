package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.RollupTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clicks and conversions per UTC day, partner and programme, read from the rollups the database keeps as the
 * raw rows are written: what the analytics dashboards are made of. Each stored click and each applied
 * conversion counts once, in the day it happened, however late it was stored.
 */
@Service
public class DailyActivity {

    /** The days {@code from} (included) to {@code to} (excluded); {@code program} and {@code partner} narrow. */
    public record Scope(WorkspaceId workspace, LocalDate from, LocalDate to, ProgramId program, PartnerId partner) {}

    public record ClickDay(LocalDate day, PartnerId partner, ProgramId program, long clicks, long paidAdClicks) {}

    /**
     * Conversions of one kind on one day; {@code partner} is null for an unattributed one; {@code amount} (sales
     * and refunds) is the day's total in one currency, null for leads and churn.
     */
    public record ConversionDay(
            LocalDate day,
            PartnerId partner,
            ProgramId program,
            ConversionKind kind,
            long conversions,
            long firstPayments,
            Money amount) {}

    private final RollupTable rollups;

    DailyActivity(RollupTable rollups) {
        this.rollups = rollups;
    }

    @Transactional(readOnly = true)
    public List<ClickDay> clicks(Scope scope) {
        return rollups.clicks(internal(scope)).stream()
                .map(r -> new ClickDay(
                        r.day(),
                        new PartnerId(r.partnerId()),
                        new ProgramId(r.programId()),
                        r.clicks(),
                        r.paidAdClicks()))
                .toList();
    }

    /** One link's clicks on each day {@code from} (included) to {@code to} (excluded), days without any as 0. */
    @Transactional(readOnly = true)
    public List<ClickDay> linkClicks(WorkspaceId workspace, LinkView link, LocalDate from, LocalDate to) {
        Map<LocalDate, RollupTable.ClickRow> stored =
                rollups.linkClicks(workspace, link.id().value(), from, to).stream()
                        .collect(Collectors.toMap(RollupTable.ClickRow::day, r -> r));
        return from.datesUntil(to)
                .map(day -> {
                    RollupTable.ClickRow r = stored.get(day);
                    return new ClickDay(
                            day,
                            link.partner(),
                            link.program(),
                            r == null ? 0 : r.clicks(),
                            r == null ? 0 : r.paidAdClicks());
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public List<ConversionDay> conversions(Scope scope) {
        return rollups.conversions(internal(scope)).stream()
                .map(r -> new ConversionDay(
                        r.day(),
                        r.partnerId() == null ? null : new PartnerId(r.partnerId()),
                        r.programId() == null ? null : new ProgramId(r.programId()),
                        ConversionKind.valueOf(r.kind()),
                        r.conversions(),
                        r.firstPayments(),
                        r.currency() == null ? null : Money.of(r.amount(), r.currency())))
                .toList();
    }

    private static RollupTable.Scope internal(Scope scope) {
        return new RollupTable.Scope(
                scope.workspace(),
                scope.from(),
                scope.to(),
                scope.program() == null ? null : scope.program().value(),
                scope.partner() == null ? null : scope.partner().value());
    }
}
