package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerType;
import dev.canopy.programs.CriterionInput;
import dev.canopy.programs.CriterionKind;
import dev.canopy.programs.Question;
import dev.canopy.programs.QuestionType;
import dev.canopy.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A scoring criterion must point at something the form asks: an option, a number question, a partner type. */
public final class CriterionRules {

    private CriterionRules() {}

    public record Checked(
            CriterionKind kind,
            UUID questionId,
            String choice,
            BigDecimal threshold,
            PartnerType partnerType,
            int points) {}

    public static Checked check(CriterionInput input, List<Question> questions, Set<PartnerType> programTypes) {
        CriterionKind[] kind = new CriterionKind[1];
        int[] points = new int[1];
        InvalidInputException.collect(
                () -> kind[0] = kind(input.kind()),
                () -> points[0] = Fields.wholeNumber("points", input.points(), -1000, 1000));
        return switch (kind[0]) {
            case CHOICE -> {
                Question question = question(
                        input.questionId(), questions, QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE);
                if (input.choice() == null
                        || !question.options().contains(input.choice().strip())) {
                    throw new InvalidInputException("choice", "Choose one of the question's options");
                }
                yield new Checked(kind[0], question.id(), input.choice().strip(), null, null, points[0]);
            }
            case NUMBER_AT_LEAST -> {
                Question question = question(input.questionId(), questions, QuestionType.NUMBER);
                BigDecimal threshold = Fields.decimal("threshold", input.threshold(), 2);
                yield new Checked(kind[0], question.id(), null, threshold, null, points[0]);
            }
            case PARTNER_TYPE -> {
                Set<PartnerType> types =
                        PartnerType.parseAll("partnerType", List.of(String.valueOf(input.partnerType())));
                if (types.size() != 1 || !programTypes.containsAll(types)) {
                    throw new InvalidInputException("partnerType", "Choose one of the programme's partner types");
                }
                yield new Checked(kind[0], null, null, null, types.iterator().next(), points[0]);
            }
        };
    }

    private static CriterionKind kind(String value) {
        try {
            return CriterionKind.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "Choose what the criterion looks at");
        }
    }

    private static Question question(String id, List<Question> questions, QuestionType... types) {
        Optional<Question> found = questions.stream()
                .filter(q -> q.id().toString().equals(id == null ? "" : id.strip()))
                .filter(q -> List.of(types).contains(q.type()))
                .findFirst();
        return found.orElseThrow(() -> new InvalidInputException("questionId", "Choose a question of this form"));
    }
}
