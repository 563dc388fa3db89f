package dev.canopy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"IN", "in", " gb ", "Us"})
    void acceptsAndUpperCasesAssignedCodes(String raw) {
        CountryCode country = new CountryCode(raw);
        assertThat(country.value()).isEqualTo(raw.strip().toUpperCase());
        assertThat(CountryCode.parse(raw)).contains(country);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "India", "XX", "IND", "I", "1N"})
    void refusesWhatIsNoAssignedCodeNamingTheField(String raw) {
        assertThat(CountryCode.parse(raw)).isEmpty();
        assertThatThrownBy(() -> new CountryCode(raw))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("country"));
    }
}
