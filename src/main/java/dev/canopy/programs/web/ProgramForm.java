package dev.canopy.programs.web;

import dev.canopy.programs.ProgramDraft;
import dev.canopy.programs.ProgramView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A programme as the editor's form or an API request sends it; numbers arrive as text, blank periods take their defaults. */
record ProgramForm(
        String name,
        @Nullable String slug,
        List<String> partnerTypes,
        String valueProposition,
        String rewardType,
        String rewardRateMin,
        @Nullable String rewardRateMax,
        String rewardBasis,
        String currency,
        @Nullable String coMarketing,
        @Nullable String training,

        @Schema(types = "integer", description = "Days; the default when absent") @Nullable
        String attributionWindowDays,

        @Schema(types = "integer", description = "Days; the default when absent") @Nullable
        String holdPeriodDays,

        @Schema(types = "integer", description = "Days; the default when absent") @Nullable
        String reapplyAfterDays,

        @Schema(types = "integer", description = "Days; the default when absent") @Nullable
        String demotionGraceDays,

        @Nullable Boolean acceptingApplications) {

    static ProgramForm blank(String currency) {
        return new ProgramForm(
                "",
                "",
                List.of(),
                "",
                "COMMISSION",
                "",
                "",
                "of first-year contract value",
                currency,
                "",
                "",
                "90",
                "30",
                "90",
                "90",
                true);
    }

    static ProgramForm of(ProgramView program) {
        ProgramDraft d = ProgramDraft.of(program);
        return new ProgramForm(
                d.name(),
                d.slug(),
                d.partnerTypes(),
                d.valueProposition(),
                d.rewardType(),
                d.rewardRateMin(),
                d.rewardRateMax(),
                d.rewardBasis(),
                d.currency(),
                d.coMarketing(),
                d.training(),
                d.attributionWindowDays(),
                d.holdPeriodDays(),
                d.reapplyAfterDays(),
                d.demotionGraceDays(),
                d.acceptingApplications());
    }

    /**
     * The draft to save. A form's unchecked box arrives as null (not accepting); an API request that leaves
     * the field out keeps the programme open to applications.
     */
    ProgramDraft draft(boolean acceptingWhenMissing) {
        return new ProgramDraft(
                name,
                slug,
                partnerTypes,
                valueProposition,
                rewardType,
                rewardRateMin,
                rewardRateMax,
                rewardBasis,
                currency,
                coMarketing,
                training,
                attributionWindowDays,
                holdPeriodDays,
                reapplyAfterDays,
                demotionGraceDays,
                acceptingApplications == null ? acceptingWhenMissing : acceptingApplications);
    }
}
