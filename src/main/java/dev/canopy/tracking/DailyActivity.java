package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.RollupTable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
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

    /**
     * The days {@code from} (included) to {@code to} (excluded); {@code program} narrows, and so do {@code partners}
     * (null: anyone's, unattributed conversions included).
     */
    public record Scope(
            WorkspaceId workspace, LocalDate from, LocalDate to, ProgramId program, Collection<PartnerId> partners) {}

    /**
     * {@code clicks} are the stored ones (a visitor's repeat on a link within the hour is the same click), {@code
     * repeats} those repeats, {@code bots} the requests of known bots and crawlers, which are never clicks.
     */
    public record ClickDay(LocalDate day, PartnerId partner, ProgramId program, long clicks, long repeats, long bots) {}

    /**
     * Conversions of one kind in one currency: of one partner (null: unattributed or, in a total, any) over the
     * scope's days ({@code day} null: the amount is in the reporting currency) or on one day; or, by day, of every
     * partner on {@code day}. {@code amount} (sales and refunds) is null for leads and churn.
     */
    public record ConversionDay(
            LocalDate day,
            PartnerId partner,
            boolean attributed,
            ProgramId program,
            ConversionKind kind,
            long conversions,
            long firstPayments,
            Money amount) {}

    private final RollupTable rollups;

    DailyActivity(RollupTable rollups) {
        this.rollups = rollups;
    }

    /** Clicks per partner over the scope's days ({@code day} null). */
    @Transactional(readOnly = true)
    public List<ClickDay> clicksByPartner(Scope scope) {
        return clicks(scope, RollupTable.By.PARTNER);
    }

    /** Clicks per day over the scope's partners ({@code partner} and {@code program} null). */
    @Transactional(readOnly = true)
    public List<ClickDay> clicksByDay(Scope scope) {
        return clicks(scope, RollupTable.By.DAY);
    }

    /** The scope's clicks summed over its days and partners: one row, {@code day} and {@code partner} null. */
    @Transactional(readOnly = true)
    public ClickDay clicksInTotal(Scope scope) {
        return clicks(scope, RollupTable.By.NOTHING).getFirst();
    }

    private List<ClickDay> clicks(Scope scope, RollupTable.By by) {
        return rollups.clicks(internal(scope), by).stream()
                .map(r -> new ClickDay(
                        r.day(),
                        r.partnerId() == null ? null : new PartnerId(r.partnerId()),
                        r.programId() == null ? null : new ProgramId(r.programId()),
                        r.clicks(),
                        r.repeats(),
                        r.bots()))
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
                            r == null ? 0 : r.repeats(),
                            r == null ? 0 : r.bots());
                })
                .toList();
    }

    /** Conversions per partner, kind and currency; per day too for amounts not in {@code reporting}. */
    @Transactional(readOnly = true)
    public List<ConversionDay> conversionsByPartner(Scope scope, Currency reporting) {
        return conversions(scope, reporting, RollupTable.By.PARTNER);
    }

    /** Attributed conversions per day, kind and currency ({@code partner} null). */
    @Transactional(readOnly = true)
    public List<ConversionDay> conversionsByDay(Scope scope, Currency reporting) {
        return conversions(scope, reporting, RollupTable.By.DAY);
    }

    /** As {@link #conversionsByPartner}, attributed and unattributed ones summed apart, {@code partner} null. */
    @Transactional(readOnly = true)
    public List<ConversionDay> conversionsInTotal(Scope scope, Currency reporting) {
        return conversions(scope, reporting, RollupTable.By.NOTHING);
    }

    private List<ConversionDay> conversions(Scope scope, Currency reporting, RollupTable.By by) {
        return rollups.conversions(internal(scope), reporting.getCurrencyCode(), by).stream()
                .map(r -> new ConversionDay(
                        r.day(),
                        r.partnerId() == null ? null : new PartnerId(r.partnerId()),
                        r.attributed(),
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
                scope.partners() == null
                        ? null
                        : scope.partners().stream().map(PartnerId::value).toList());
    }
}
