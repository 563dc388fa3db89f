package dev.canopy.payouts;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import java.util.List;
import java.util.UUID;

/**
 * One partner's payout in one currency: gross commissions, GST added, TDS withheld, net paid; or carried
 * to the next run (under the minimum, or negative after clawbacks) with the reason.
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
        Money net,
        boolean payable,
        String carriedReason,
        List<String> taxNotes) {

    /** An Indian payout with GST added: the vendor issues a self-billed invoice for it. */
    public boolean selfBilled() {
        return payable && "INR".equals(gross.currencyCode()) && !gst.isZero();
    }
}
