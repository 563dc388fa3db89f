package dev.canopy.payouts.internal;

import dev.canopy.payouts.Conversion;
import dev.canopy.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a partner is paid for a period and why: its commissions, then gross, GST added, TDS withheld and the net
 * paid — and, for a partner paid in its own currency, the net converted ({@code conversion}, else null). The
 * totals are checked to add up ({@code net = gross + gst - tds}), so a document never shows sums that contradict
 * each other.
 */
public record PartnerStatement(
        String workspaceName,
        String partnerName,
        String periodLabel,
        String reference,
        LocalDate issuedOn,
        List<StatementLine> lines,
        Money gross,
        Money gst,
        Money tds,
        Money net,
        Conversion conversion,
        List<String> notes) {

    public PartnerStatement {
        Objects.requireNonNull(issuedOn, "issuedOn");
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
        if (!gross.plus(gst).minus(tds).equals(net)) {
            throw new IllegalArgumentException(
                    "net " + net + " is not gross " + gross + " + GST " + gst + " - TDS " + tds);
        }
    }
}
