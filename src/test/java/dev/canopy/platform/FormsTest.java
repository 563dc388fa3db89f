package dev.canopy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

class FormsTest {

    record Form(String name, String amount) {}

    @Test
    void aRefusedFormComesBackWithEachErrorBesideItsFieldAndAConflictAboveIt() {
        BeanPropertyBindingResult invalid = new BeanPropertyBindingResult(new Form("", "x"), "form");
        String view = Forms.submit(
                invalid,
                () -> {
                    throw new InvalidInputException("amount", "Enter a number");
                },
                () -> "form-page");
        assertThat(view).isEqualTo("form-page");
        assertThat(invalid.getFieldError("amount").getDefaultMessage()).isEqualTo("Enter a number");

        BeanPropertyBindingResult conflict = new BeanPropertyBindingResult(new Form("a", "1"), "form");
        Forms.submit(
                conflict,
                () -> {
                    throw new ConflictException(null, "Already registered");
                },
                () -> "form-page");
        assertThat(conflict.getGlobalError().getDefaultMessage()).isEqualTo("Already registered");

        BeanPropertyBindingResult accepted = new BeanPropertyBindingResult(new Form("a", "1"), "form");
        assertThat(Forms.submit(accepted, () -> "redirect:/done", () -> "form-page"))
                .isEqualTo("redirect:/done");
        assertThat(accepted.hasErrors()).isFalse();
    }
}
