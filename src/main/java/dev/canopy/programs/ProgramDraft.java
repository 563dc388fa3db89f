package dev.canopy.programs;

import java.util.List;

/**
 * A programme's details as typed into the editor or sent to the API. Numbers arrive as text so that
 * each wrong one is reported against its own field; blank periods take their defaults.
 */
public record ProgramDraft(
        String name,
        String slug,
        List<String> partnerTypes,
        String valueProposition,
        String rewardType,
        String rewardRateMin,
        String rewardRateMax,
        String rewardBasis,
        String currency,
        String coMarketing,
        String training,
        String attributionWindowDays,
        String holdPeriodDays,
        String reapplyAfterDays,
        String demotionGraceDays,
        boolean acceptingApplications) {

    public static ProgramDraft of(ProgramView p) {
        return new ProgramDraft(
                p.name(),
                p.slug(),
                p.partnerTypes().stream().map(Enum::name).toList(),
                p.valueProposition(),
                p.reward().type().name(),
                p.reward().rateMin().stripTrailingZeros().toPlainString(),
                p.reward().rateMax().stripTrailingZeros().toPlainString(),
                p.reward().basis(),
                p.reward().currency(),
                p.coMarketing(),
                p.training(),
                String.valueOf(p.attributionWindowDays()),
                String.valueOf(p.holdPeriodDays()),
                String.valueOf(p.reapplyAfterDays()),
                String.valueOf(p.demotionGraceDays()),
                p.acceptingApplications());
    }
}
