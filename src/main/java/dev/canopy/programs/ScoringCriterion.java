package dev.canopy.programs;

import dev.canopy.partners.PartnerType;
import java.math.BigDecimal;
import java.util.UUID;

/** Points an application earns when it meets a condition; {@code questionLabel} is null for partner types. */
public record ScoringCriterion(
        UUID id,
        CriterionKind kind,
        UUID questionId,
        String questionLabel,
        String choice,
        BigDecimal threshold,
        PartnerType partnerType,
        int points) {

    /** The condition in words, as the score breakdown shows it. */
    public String describe() {
        return switch (kind) {
            case CHOICE -> "“" + questionLabel + "” is " + choice;
            case NUMBER_AT_LEAST ->
                "“" + questionLabel + "” is at least "
                        + threshold.stripTrailingZeros().toPlainString();
            case PARTNER_TYPE -> "Partner type is " + partnerType.label();
        };
    }
}
