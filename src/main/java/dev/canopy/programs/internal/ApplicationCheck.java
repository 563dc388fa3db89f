package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerType;
import dev.canopy.programs.Answer;
import dev.canopy.programs.ApplicationInput;
import dev.canopy.programs.Question;
import dev.canopy.programs.QuestionType;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An application form as filled in, checked against the programme's fixed fields and custom questions;
 * every field at fault is reported at once, under the name the form and the API use.
 */
public final class ApplicationCheck {

    private ApplicationCheck() {}

    /** A checked application: answers normalized (numbers plain, addresses complete), blanks dropped. */
    public record Checked(
            String companyName,
            String website,
            String domain,
            String contactName,
            EmailAddress contactEmail,
            Set<PartnerType> partnerTypes,
            String region,
            List<Answer> answers,
            Map<UUID, List<String>> answersByQuestion) {}

    public static Checked check(Set<PartnerType> programTypes, List<Question> questions, ApplicationInput input) {
        String[] company = new String[1];
        URI[] website = new URI[1];
        String[] contact = new String[1];
        EmailAddress[] email = new EmailAddress[1];
        String[] region = new String[1];
        @SuppressWarnings("unchecked")
        Set<PartnerType>[] types = new Set[1];
        Map<UUID, List<String>> answers = new LinkedHashMap<>();
        List<Runnable> checks = new ArrayList<>(List.of(
                () -> company[0] = Fields.required("companyName", input.companyName(), 120),
                () -> website[0] = Fields.website("website", input.website()),
                () -> contact[0] = Fields.required("contactName", input.contactName(), 120),
                () -> email[0] = EmailAddress.parse(input.contactEmail())
                        .orElseThrow(() -> new InvalidInputException(
                                "contactEmail", "Enter a valid email address, like name@company.com")),
                () -> types[0] = partnerTypes(programTypes, input.partnerTypes()),
                () -> region[0] = Fields.required("region", input.region(), 80)));
        for (Question question : questions) {
            checks.add(() -> {
                List<String> answer = answer(question, input.answers().getOrDefault(question.id(), List.of()));
                if (!answer.isEmpty()) {
                    answers.put(question.id(), answer);
                }
            });
        }
        InvalidInputException.collect(checks.toArray(Runnable[]::new));
        List<Answer> answered = questions.stream()
                .filter(q -> answers.containsKey(q.id()))
                .map(q -> new Answer(q.id(), q.label(), q.type(), answers.get(q.id())))
                .toList();
        return new Checked(
                company[0],
                website[0].toString(),
                Fields.domain(website[0]),
                contact[0],
                email[0],
                types[0],
                region[0],
                answered,
                Map.copyOf(answers));
    }

    private static Set<PartnerType> partnerTypes(Set<PartnerType> programTypes, List<String> chosen) {
        Set<PartnerType> types = PartnerType.parseAll("partnerTypes", chosen);
        if (types.isEmpty()) {
            throw new InvalidInputException("partnerTypes", "Choose how you would work with us");
        }
        if (!programTypes.containsAll(types)) {
            throw new InvalidInputException("partnerTypes", "Choose among the partner types this programme is for");
        }
        return types;
    }

    private static List<String> answer(Question question, List<String> given) {
        List<String> values = given.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
        if (values.isEmpty()) {
            if (question.required()) {
                throw new InvalidInputException(question.field(), "Required");
            }
            return List.of();
        }
        String field = question.field();
        if (question.type() != QuestionType.MULTIPLE_CHOICE && values.size() > 1) {
            throw new InvalidInputException(field, "Give one answer");
        }
        return switch (question.type()) {
            case TEXT -> List.of(Fields.required(field, values.getFirst(), 2000));
            case NUMBER -> List.of(number(field, values.getFirst()));
            case URL -> List.of(Fields.website(field, values.getFirst()).toString());
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                if (!question.options().containsAll(values)) {
                    throw new InvalidInputException(field, "Choose among the options given");
                }
                yield values;
            }
        };
    }

    private static String number(String field, String value) {
        BigDecimal number = Fields.decimal(field, value, 2);
        return number.stripTrailingZeros().toPlainString();
    }
}
