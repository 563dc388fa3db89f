package dev.canopy.commissions;

import dev.canopy.commissions.internal.CommissionPostings;
import dev.canopy.commissions.internal.CommissionTable;
import dev.canopy.commissions.internal.ImportedCommissions;
import dev.canopy.ledger.Account;
import dev.canopy.ledger.Ledger;
import dev.canopy.ledger.LedgerEntry;
import dev.canopy.ledger.Leg;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.Imported;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commission history brought from another PRM, under ids the caller derives from the source's own. Each keeps the
 * status it had there: an approved one is owed (the ledger says so, and the next payout run pays it); a paid one is
 * recorded as paid outside Canopy (owed, then settled from cash), so it is never paid again; pending and held ones
 * wait for the programme's hold like any other. A re-run moves a commission on when the other system did
 * (pending → approved → paid), never back, and never one that Canopy has moved itself since (into a payout, say).
 */
@Service
public class CommissionImports {

    /** One commission as the other system had it; {@code sale} is what it was earned on, when known. */
    public record SourceCommission(
            UUID id,
            PartnerId partner,
            @Nullable UUID customer,
            Money amount,
            @Nullable Money sale,
            CommissionStatus status,
            Instant occurredAt) {}

    /** The statuses a commission can be brought in with. */
    public static final Set<CommissionStatus> IMPORTABLE = Set.of(
            CommissionStatus.PENDING,
            CommissionStatus.HELD,
            CommissionStatus.APPROVED,
            CommissionStatus.PAID,
            CommissionStatus.DECLINED);

    private final ImportedCommissions commissions;
    private final Programs programs;
    private final Ledger ledger;

    CommissionImports(ImportedCommissions commissions, Programs programs, Ledger ledger) {
        this.commissions = commissions;
        this.programs = programs;
        this.ledger = ledger;
    }

    /** The currency a programme pays in. */
    public String currencyOf(WorkspaceId workspace, UUID program) {
        return programme(workspace, new ProgramId(program)).reward().currency();
    }

    private ProgramView programme(WorkspaceId workspace, ProgramId program) {
        return programs.all(workspace).stream()
                .filter(p -> p.id().equals(program))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Programme"));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<Imported> importHistory(
            WorkspaceId workspace, ProgramId program, String sourceName, List<SourceCommission> given, Instant now) {
        ProgramView programme = programme(workspace, program);
        String currency = programme.reward().currency();
        String label = "Imported from " + sourceName;
        Map<UUID, ImportedCommissions.Stored> stored = commissions.stored(
                workspace, given.stream().map(SourceCommission::id).toList());
        Set<UUID> seen = new HashSet<>();
        List<Imported> outcomes = new ArrayList<>();
        List<ImportedCommissions.Row> fresh = new ArrayList<>();
        List<LedgerEntry> entries = new ArrayList<>();
        for (SourceCommission c : given) {
            if (!seen.add(c.id())) {
                outcomes.add(Imported.refused("id: This commission appears twice in the file"));
                continue;
            }
            ImportedCommissions.Stored current = stored.get(c.id());
            if (current != null) {
                outcomes.add(advance(workspace, c, current, label, entries));
                continue;
            }
            try {
                check(c, currency);
                fresh.add(new ImportedCommissions.Row(
                        c.id(),
                        c.partner().value(),
                        c.customer(),
                        c.amount().amount(),
                        currency,
                        c.sale() == null ? null : c.sale().amount(),
                        c.status().name(),
                        label,
                        c.occurredAt(),
                        c.occurredAt().plus(Duration.ofDays(programme.holdPeriodDays()))));
                entries.addAll(postings(c.id(), c.partner(), c.amount(), c.occurredAt(), c.status(), null, label));
                outcomes.add(Imported.CREATED);
            } catch (InvalidInputException e) {
                outcomes.add(Imported.refused(e));
            }
        }
        commissions.insert(workspace, program.value(), fresh, now);
        ledger.post(workspace, entries);
        return outcomes;
    }

    private static void check(SourceCommission c, String currency) {
        InvalidInputException.collect(
                () -> {
                    if (!c.amount().currencyCode().equals(currency)) {
                        throw new InvalidInputException(
                                "currency",
                                "The programme pays in " + currency + "; this commission is in "
                                        + c.amount().currencyCode() + " (import it into a programme paying "
                                        + c.amount().currencyCode() + ")");
                    }
                },
                () -> {
                    if (c.amount().isNegative() || c.amount().isZero()) {
                        throw new InvalidInputException(
                                "amount", "Import earned commissions only (more than zero); a refund is not one");
                    }
                },
                () -> {
                    if (!IMPORTABLE.contains(c.status())) {
                        throw new InvalidInputException("status", "A commission cannot be brought in " + c.status());
                    }
                });
    }

    /**
     * Moves a commission imported before on to the status the other system has now, when that is forward; the
     * ledger hears of it at the amount stored, whatever the file says now.
     */
    private Imported advance(
            WorkspaceId workspace,
            SourceCommission c,
            ImportedCommissions.Stored stored,
            String label,
            List<LedgerEntry> entries) {
        CommissionStatus current = CommissionStatus.valueOf(stored.status());
        if (current == c.status()) {
            return Imported.UNCHANGED;
        }
        boolean forward = switch (current) {
            case PENDING, HELD -> c.status() == CommissionStatus.APPROVED || c.status() == CommissionStatus.PAID;
            case APPROVED -> c.status() == CommissionStatus.PAID;
            default -> false;
        };
        if (!forward
                || !commissions.advance(
                        workspace, c.id(), current.name(), c.status().name(), label, c.occurredAt())) {
            return Imported.unchanged("Kept " + current.label().toLowerCase(Locale.ROOT) + " in Canopy; the other "
                    + "system says " + c.status().label().toLowerCase(Locale.ROOT));
        }
        entries.addAll(postings(
                c.id(),
                new PartnerId(stored.partner()),
                Money.of(stored.amount(), stored.currency()),
                c.occurredAt(),
                c.status(),
                current,
                label));
        return Imported.updated(current.label() + " → " + c.status().label());
    }

    /** What the ledger learns when a commission reaches {@code to} from {@code from}: owed once approved, then paid. */
    private static List<LedgerEntry> postings(
            UUID id,
            PartnerId partner,
            Money amount,
            Instant at,
            CommissionStatus to,
            @Nullable CommissionStatus from,
            String label) {
        List<LedgerEntry> entries = new ArrayList<>();
        if (from != CommissionStatus.APPROVED && (to == CommissionStatus.APPROVED || to == CommissionStatus.PAID)) {
            // The entry any approval posts: the same key, so a commission is owed once however it got there.
            entries.add(CommissionPostings.approved(
                    new CommissionTable.Moved(id, partner, CommissionKind.EARNED, amount, true), at));
        }
        if (to == CommissionStatus.PAID) {
            entries.add(new LedgerEntry(
                    "commission-paid-outside:" + id,
                    "paid_outside",
                    "Commission paid outside Canopy (" + label + ") " + id,
                    at,
                    List.of(
                            Leg.debit(Account.PARTNER_PAYABLE, partner, amount, id),
                            Leg.credit(Account.CASH, partner, amount, id))));
        }
        return entries;
    }
}
