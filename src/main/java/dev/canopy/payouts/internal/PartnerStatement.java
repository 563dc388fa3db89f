package dev.canopy.payouts.internal;

import dev.canopy.payouts.Conversion;
import dev.canopy.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a partner is paid for a period and why: its commissions, then gross, GST added, TDS withheld, reimbursements
 * (MDF: repaid expenses, untaxed) and the net paid — and, for a partner paid in its own currency, the net converted
 * ({@code conversion}, else null). The totals are checked to add up ({@code net = gross + gst - tds + reimbursed}), so
 * a document never shows sums that contradict each other.
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
        Money reimbursed,
        Money net,
        Conversion conversion,
        List<String> notes) {

    public PartnerStatement {
        Objects.requireNonNull(issuedOn, "issuedOn");
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
        if (!gross.plus(gst).minus(tds).plus(reimbursed).equals(net)) {
            throw new IllegalArgumentException("net " + net + " is not gross " + gross + " + GST " + gst + " - TDS "
                    + tds + " + reimbursed " + reimbursed);
        }
    }
}
