package dev.canopy.payouts;

import dev.canopy.ledger.Account;
import dev.canopy.ledger.KindTotal;
import dev.canopy.ledger.Ledger;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reconciliation report: the ledger per partner and currency, every figure a sum of postings. */
@Service
public class Reconciliation {

    private final Ledger ledger;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;

    Reconciliation(Ledger ledger, Partners partners, CurrentWorkspace currentWorkspace) {
        this.ledger = ledger;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
    }

    @Transactional(readOnly = true)
    public List<ReconciliationLine> report() {
        WorkspaceId workspace = currentWorkspace.id();
        record Key(PartnerId partner, String currency) {}
        Map<Key, Map<String, Money>> sums = new HashMap<>();
        for (KindTotal t : ledger.totalsByKind(workspace)) {
            String figure = figure(t);
            if (figure == null) {
                continue;
            }
            sums.computeIfAbsent(new Key(t.partner(), t.amount().currencyCode()), k -> new HashMap<>())
                    .merge(figure, t.amount(), Money::plus);
        }
        Map<PartnerId, String> names = new HashMap<>();
        partners.byIds(sums.keySet().stream().map(Key::partner).distinct().toList())
                .forEach(p -> names.put(p.id(), p.name()));
        List<ReconciliationLine> lines = new ArrayList<>();
        sums.forEach((key, raw) -> {
            Money zero = Money.zero(Currency.getInstance(key.currency()));
            Function<String, Money> sum = f -> raw.getOrDefault(f, zero);
            Money owed = raw.entrySet().stream()
                    .filter(e -> !e.getKey().equals("tds") && !e.getKey().equals("gst"))
                    .map(Map.Entry::getValue)
                    .reduce(zero, Money::plus);
            lines.add(new ReconciliationLine(
                    key.partner(),
                    names.getOrDefault(key.partner(), key.partner().toString()),
                    key.currency(),
                    sum.apply("earned").negate(),
                    sum.apply("reimbursed").negate(),
                    sum.apply("reversed"),
                    sum.apply("clawed"),
                    sum.apply("declined"),
                    sum.apply("paid"),
                    sum.apply("tds").negate(),
                    sum.apply("gst"),
                    owed.negate()));
        });
        lines.sort(Comparator.comparing(ReconciliationLine::partnerName).thenComparing(ReconciliationLine::currency));
        return lines;
    }

    /**
     * Which figure a total feeds. Sums are raw (debits positive); the report flips credits so that earned,
     * reimbursed, tax withheld and the balance read positive when the vendor owes them. A payout debits gross
     * commissions and reimbursements together: both are in paid.
     */
    private static String figure(KindTotal t) {
        if (t.account() == Account.TAX_WITHHELD) {
            return "tds";
        }
        if (t.account() == Account.GST_INPUT) {
            return "gst";
        }
        if (t.account() != Account.PARTNER_PAYABLE) {
            return null;
        }
        return switch (t.kind()) {
            case "commission" -> "earned";
            case Reimbursements.LEDGER_KIND -> "reimbursed";
            case "reversal" -> "reversed";
            case "clawback" -> "clawed";
            case "declined" -> "declined";
            case "payout" -> "paid";
            default -> null;
        };
    }
}
