package dev.canopy.programs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.partners.PartnerType;
import dev.canopy.programs.ApplicationInput;
import dev.canopy.programs.Question;
import dev.canopy.programs.QuestionType;
import dev.canopy.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplicationCheckTest {

    private final Question sellers =
            new Question(UUID.randomUUID(), 1, "Sellers", QuestionType.NUMBER, true, List.of());
    private final Question focus =
            new Question(UUID.randomUUID(), 2, "Focus", QuestionType.SINGLE_CHOICE, true, List.of("SMB", "Enterprise"));
    private final Question markets = new Question(
            UUID.randomUUID(), 3, "Markets", QuestionType.MULTIPLE_CHOICE, false, List.of("EU", "US", "APAC"));
    private final Question site = new Question(UUID.randomUUID(), 4, "Case study", QuestionType.URL, false, List.of());
    private final List<Question> questions = List.of(sellers, focus, markets, site);
    private final Set<PartnerType> types = Set.of(PartnerType.RESELLER, PartnerType.MSP);

    private ApplicationInput input(Map<UUID, List<String>> answers) {
        return new ApplicationInput(
                " Acme ",
                "www.Acme.example/partners",
                "Ana",
                "Ana@Acme.example ",
                List.of("RESELLER"),
                "EMEA",
                answers);
    }

    @Test
    void aGoodApplicationIsNormalized() {
        ApplicationCheck.Checked checked = ApplicationCheck.check(
                types,
                questions,
                input(Map.of(
                        sellers.id(), List.of("1,200.50"),
                        focus.id(), List.of("Enterprise"),
                        markets.id(), List.of("EU", "US", "EU"),
                        site.id(), List.of(" "))));
        assertThat(checked.companyName()).isEqualTo("Acme");
        assertThat(checked.website()).isEqualTo("https://www.Acme.example/partners");
        assertThat(checked.domain()).isEqualTo("acme.example");
        assertThat(checked.contactEmail().value()).isEqualTo("ana@acme.example");
        assertThat(checked.answersByQuestion())
                .containsEntry(sellers.id(), List.of("1200.5"))
                .containsEntry(markets.id(), List.of("EU", "US"))
                .doesNotContainKey(site.id());
        assertThat(checked.answers()).extracting(a -> a.question()).containsExactly("Sellers", "Focus", "Markets");
    }

    @Test
    void everyFieldAtFaultIsNamed() {
        assertThatThrownBy(() -> ApplicationCheck.check(
                        types,
                        questions,
                        new ApplicationInput(
                                "",
                                "not a site",
                                " ",
                                "nope",
                                List.of("AFFILIATE"),
                                "",
                                Map.of(
                                        focus.id(), List.of("Consumer"),
                                        markets.id(), List.of("Mars"),
                                        site.id(), List.of("ht!tp://x")))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactlyInAnyOrder(
                                        "companyName",
                                        "website",
                                        "contactName",
                                        "contactEmail",
                                        "partnerTypes",
                                        "region",
                                        sellers.field(),
                                        focus.field(),
                                        markets.field(),
                                        site.field()));
    }

    @Test
    void aSingleChoiceTakesOneAnswerAndNumbersMustParse() {
        assertThatThrownBy(() -> ApplicationCheck.check(
                        types,
                        questions,
                        input(Map.of(sellers.id(), List.of("many"), focus.id(), List.of("SMB", "Enterprise")))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactlyInAnyOrder(sellers.field(), focus.field()));
    }
}
