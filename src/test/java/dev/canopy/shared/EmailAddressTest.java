package dev.canopy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@acme.com", "  Ada.Lovelace+partners@Acme.CO.UK ", "x@sub.example-host.io"})
    void acceptsAndNormalizesAddresses(String raw) {
        EmailAddress email = new EmailAddress(raw);
        assertThat(email.value()).isEqualTo(raw.strip().toLowerCase());
        assertThat(EmailAddress.parse(raw)).contains(email);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "ada",
                "ada@",
                "@acme.com",
                "ada@acme",
                "ada @acme.com",
                "ada@acme..com",
                "ada@-acme.com",
                "a@b@c.com"
            })
    void refusesWhatIsNotAnAddressNamingTheField(String raw) {
        assertThat(EmailAddress.parse(raw)).isEmpty();
        assertThatThrownBy(() -> new EmailAddress(raw))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("email"));
    }
}
