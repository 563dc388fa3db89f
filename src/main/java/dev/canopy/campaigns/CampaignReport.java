package dev.canopy.campaigns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * What a campaign reached. {@code sent} counts every message the mail server took (opened and bounced ones too);
 * rates are percentages of those, to one decimal.
 */
public record CampaignReport(
        UUID campaign,
        int recipients,
        int waiting,
        int sent,
        int failed,
        int skippedUnsubscribed,
        int skippedPreference,
        int skippedNoAddress,
        int bounced,
        int opened,
        int unsubscribed) {

    public int skipped() {
        return skippedUnsubscribed + skippedPreference + skippedNoAddress;
    }

    public BigDecimal bounceRate() {
        return percent(bounced);
    }

    public BigDecimal openRate() {
        return percent(opened);
    }

    private BigDecimal percent(int part) {
        return sent == 0
                ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(sent), 1, RoundingMode.HALF_UP);
    }
}
