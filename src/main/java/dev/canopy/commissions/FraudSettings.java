package dev.canopy.commissions;

import java.math.BigDecimal;

/**
 * Which fraud rules hold new commissions for review. The refund-rate rule applies once a partner has at
 * least {@code refundRateMinSales} sales, when refunds exceed {@code refundRatePercent} of them (off when null).
 */
public record FraudSettings(
        boolean selfReferral,
        boolean duplicateAccounts,
        boolean paidAds,
        BigDecimal refundRatePercent,
        int refundRateMinSales) {

    public static final FraudSettings DEFAULTS = new FraudSettings(true, true, true, null, 10);
}
