package dev.canopy.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.shared.InvalidInputException;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PanTest {

    @ParameterizedTest
    @ValueSource(strings = {"AAPFU0939F", " aapfu 0939f ", "ABCPK1234Q", "AAGCB7383J", "ZZZGT0001A"})
    void acceptsEveryHolderTypeNormalized(String raw) {
        Pan pan = Pan.parse(raw, "partner.pan");

        assertThat(pan.value()).isEqualTo(raw.replace(" ", "").toUpperCase(Locale.ROOT));
        assertThat("PCHFATBLJG").contains(String.valueOf(pan.holderType()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''          | Enter the PAN",
                "AAPFU0939   | A PAN has 10 characters, like AAPFU0939F; this has 9",
                "AAPFU0939FF | A PAN has 10 characters, like AAPFU0939F; this has 11",
                "AAPF10939F  | A PAN is 5 letters, 4 digits and a letter, like AAPFU0939F",
                "AAPFU09391  | A PAN is 5 letters, 4 digits and a letter, like AAPFU0939F",
                "AAPXU0939F  | The 4th character of a PAN is the holder's type: P, C, H, F, A, T, B, L, J or G, not X"
            })
    void refusesWithAMessageNamingTheField(String raw, String message) {
        assertThatThrownBy(() -> Pan.parse(raw, "partner.pan"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().getFirst().field()).isEqualTo("partner.pan");
                    assertThat(e.problems().getFirst().message()).isEqualTo(message);
                });
    }
}
