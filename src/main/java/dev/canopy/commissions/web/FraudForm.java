package dev.canopy.commissions.web;

import dev.canopy.commissions.FraudSettingsDraft;

/** The fraud settings form: an unticked box arrives as null, which is off. */
record FraudForm(
        Boolean selfReferral,
        Boolean duplicateAccounts,
        Boolean paidAds,
        String refundRatePercent,
        String refundRateMinSales) {

    static FraudForm of(FraudSettingsDraft d) {
        return new FraudForm(
                d.selfReferral(), d.duplicateAccounts(), d.paidAds(), d.refundRatePercent(), d.refundRateMinSales());
    }

    FraudSettingsDraft draft() {
        return new FraudSettingsDraft(
                Boolean.TRUE.equals(selfReferral),
                Boolean.TRUE.equals(duplicateAccounts),
                Boolean.TRUE.equals(paidAds),
                refundRatePercent,
                refundRateMinSales);
    }
}
