package dev.canopy.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.shared.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "acme-cloud", "a1b", " Northwind ", "x-1-2-3"})
    void acceptsLowerCaseWordsWithSingleHyphens(String raw) {
        assertThat(SlugPolicy.check("slug", raw)).isEqualTo(raw.strip().toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ab",
                "-acme",
                "acme-",
                "ac--me",
                "acme cloud",
                "acmé",
                "a_b_c",
                "0123456789012345678901234567890123456789x"
            })
    void refusesOtherShapes(String raw) {
        assertThatThrownBy(() -> SlugPolicy.check("slug", raw))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().field()).isEqualTo("slug"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "app", "portal", "admin", "login"})
    void refusesReservedWords(String raw) {
        assertThatThrownBy(() -> SlugPolicy.check("slug", raw)).hasMessageContaining("reserved");
    }
}
