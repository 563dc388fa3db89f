package dev.canopy.payouts;

import dev.canopy.shared.Money;

/**
 * A workspace's payout schedule (monthly, {@code netDays} after the month ends), the run total above
 * which two people approve, whether duties are separated (who starts a run never approves it or marks it
 * paid; who approves it never marks it paid), the vendor's details for self-billed invoices, where the vendor is
 * tax resident ({@code taxCountry}, null until said) and whether an Indian partner without a PAN is paid with
 * TDS at 20 % (s.206AA, the default) or held until it gives one.
 */
public record PayoutSettings(
        boolean scheduled,
        int netDays,
        Money secondApprovalAbove,
        boolean separateDuties,
        String legalName,
        String address,
        String gstin,
        String taxCountry,
        boolean holdWithoutPan) {

    public static final PayoutSettings DEFAULTS =
            new PayoutSettings(true, 15, Money.of("10000", "USD"), false, null, null, null, null, false);
}
