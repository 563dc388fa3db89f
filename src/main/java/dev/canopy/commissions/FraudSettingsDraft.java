package dev.canopy.commissions;

/**
 * The fraud settings as typed in the review page's form or sent to the API; a blank refund-rate percent
 * switches that rule off. Checked by {@link FraudRules}.
 */
public record FraudSettingsDraft(
        boolean selfReferral,
        boolean duplicateAccounts,
        boolean paidAds,
        String refundRatePercent,
        String refundRateMinSales) {

    public static FraudSettingsDraft of(FraudSettings s) {
        return new FraudSettingsDraft(
                s.selfReferral(),
                s.duplicateAccounts(),
                s.paidAds(),
                s.refundRatePercent() == null ? "" : s.refundRatePercent().toPlainString(),
                String.valueOf(s.refundRateMinSales()));
    }
}
