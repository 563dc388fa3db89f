package dev.canopy.payouts;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import java.util.List;
import java.util.UUID;

/**
 * One partner's payout in one currency: gross commissions, GST added, TDS withheld, reimbursements (MDF, untaxed:
 * their own kind of line item, counted in {@code reimbursements}) and net paid (gross + GST − TDS + reimbursed) —
 * converted into the partner's own currency when it has one ({@code conversion}, else null); or carried to the next
 * run (under the minimum, negative after clawbacks, no exchange rate yet) with the reason.
 */
public record PayoutLineView(
        UUID id,
        UUID runId,
        String reference,
        PartnerId partner,
        String partnerName,
        int commissions,
        Money gross,
        Money gst,
        Money tds,
        int reimbursements,
        Money reimbursed,
        Money net,
        Conversion conversion,
        boolean payable,
        String carriedReason,
        List<String> taxNotes) {

    /** What the partner receives: the net, or the net converted into its own currency. */
    public Money paid() {
        return conversion == null ? net : conversion.paid();
    }

    /** "1,000.00 EUR paid as 1,083.40 USD at 1.0834 (rate of 2026-10-31)", or null when paid as earned. */
    public String paidAs() {
        return conversion == null ? null : conversion.describe(net);
    }

    /** An Indian payout with GST added: the vendor issues a self-billed invoice for it. */
    public boolean selfBilled() {
        return payable && "INR".equals(gross.currencyCode()) && !gst.isZero();
    }
}
