package dev.canopy.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongEnoughPassphrase() {
        assertThatCode(() -> PasswordPolicy.check("password", "correct horse battery", "ada@acme.com"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesShortPasswordsCountingCharactersNotBytes() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "short", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 10");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "😀😀😀😀😀", null))
                .hasMessageContaining("at least 10");
        assertThatCode(() -> PasswordPolicy.check("password", "ümläüteäöüß", null))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesBlankTooLongAndOwnEmail() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", " ".repeat(12), null))
                .hasMessageContaining("spaces");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "x".repeat(129), null))
                .hasMessageContaining("at most");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "my ADA@acme.com!", "ada@acme.com"))
                .hasMessageContaining("email");
    }
}
