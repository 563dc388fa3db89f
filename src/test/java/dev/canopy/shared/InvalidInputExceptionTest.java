package dev.canopy.shared;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void collectNamesEveryFieldAtFault() {
        assertThatThrownBy(() -> InvalidInputException.collect(
                        () -> {
                            throw new InvalidInputException("email", "bad");
                        },
                        () -> {},
                        () -> {
                            throw new InvalidInputException("password", "short");
                        }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("email", "password"));
    }

    @Test
    void collectPassesWhenEveryCheckPasses() {
        assertThatCode(() -> InvalidInputException.collect(() -> {}, () -> {})).doesNotThrowAnyException();
    }
}
