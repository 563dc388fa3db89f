package dev.canopy.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.shared.InvalidInputException;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GstinTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Two published examples, then check characters computed by hand with the mod-36 algorithm. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "27AAPFU0939F1ZV",
                "29AAGCB7383J1Z4",
                "27ABCPK1234Q1ZI",
                "33ZZZFX9999A1Z1",
                "97QWECE0001B9ZJ",
                "99MNOGT4321K1ZE",
                "38PQRTL5678M2Z0"
            })
    void acceptsValidGstins(String raw) {
        assertThat(Gstin.parse(raw, "gstin").value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 27aapfu0939f1zv", "27 AAPFU 0939F 1ZV"})
    void forgivesSpacesAndCase(String raw) {
        assertThat(Gstin.parse(raw, "gstin").value()).isEqualTo("27AAPFU0939F1ZV");
    }

    @Test
    void exposesItsStateAndPan() {
        Gstin gstin = Gstin.parse("27AAPFU0939F1ZV", "gstin");

        assertThat(gstin.stateCode()).isEqualTo("27");
        assertThat(gstin.pan()).isEqualTo(new Pan("AAPFU0939F"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''               | Enter the GSTIN",
                "27AAPFU0939F1Z   | A GSTIN has 15 characters, like 27AAPFU0939F1ZV; this has 14",
                "27AAPFU0939F1-V  | A GSTIN has only letters and digits",
                "00AAPFU0939F1ZV  | A GSTIN starts with a state code from 01 to 38, or 97 or 99, not 00",
                "39AAPFU0939F1ZV  | A GSTIN starts with a state code from 01 to 38, or 97 or 99, not 39",
                "2AAAPFU0939F1ZV  | A GSTIN starts with a state code from 01 to 38, or 97 or 99, not 2A",
                "27AAPXU0939F1ZV  | Characters 3 to 12 of a GSTIN are the holder's PAN. The 4th character of a PAN is"
                        + " the holder's type: P, C, H, F, A, T, B, L, J or G, not X",
                "27AAPFU09391ZZV  | Characters 3 to 12 of a GSTIN are the holder's PAN. A PAN is 5 letters, 4 digits"
                        + " and a letter, like AAPFU0939F",
                "27AAPFU0939F0ZV  | The 13th character of a GSTIN is the registration's number, 1 to 9 or A to Z,"
                        + " not 0",
                "27AAPFU0939F1DV  | The 14th character of a GSTIN is Z, not D",
                "27AAPFU0939F1ZW  | This GSTIN's check character does not match: it should be V for the first 14;"
                        + " check for a mistyped character",
                "27AAPFU0939F2ZV  | This GSTIN's check character does not match: it should be U for the first 14;"
                        + " check for a mistyped character"
            })
    void refusesWithADistinctMessageNamingTheField(String raw, String message) {
        assertThatThrownBy(() -> Gstin.parse(raw, "supplier.gstin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().getFirst().field()).isEqualTo("supplier.gstin");
                    assertThat(e.problems().getFirst().message()).isEqualTo(message);
                });
    }

    @Property
    void exactlyOneOfTheThirtySixCheckCharactersCompletesAValidBody(@ForAll("bodies") String body) {
        assertThat(IntStream.range(0, 36)
                        .mapToObj(i -> body + ALPHABET.charAt(i))
                        .filter(GstinTest::isValid))
                .singleElement()
                .isEqualTo(body + Gstin.checkCharacter(body));
    }

    @Property
    void anySingleChangedCharacterIsRefused(
            @ForAll("valid") String gstin,
            @ForAll @IntRange(min = 0, max = 14) int position,
            @ForAll @IntRange(min = 1, max = 35) int shift) {
        char original = gstin.charAt(position);
        char changed = ALPHABET.charAt((ALPHABET.indexOf(original) + shift) % 36);
        String typo = gstin.substring(0, position) + changed + gstin.substring(position + 1);

        assertThat(isValid(gstin)).isTrue();
        assertThat(isValid(typo)).as(typo).isFalse();
    }

    @Provide
    Arbitrary<String> valid() {
        return bodies().map(body -> body + Gstin.checkCharacter(body));
    }

    /** The first 14 characters of a GSTIN: state code, PAN, registration number, Z. */
    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> state = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 38).map(n -> String.format("%02d", n)), Arbitraries.of("97", "99"));
        StringArbitrary letters = Arbitraries.strings().withCharRange('A', 'Z');
        Arbitrary<String> pan = Combinators.combine(
                        letters.ofLength(3),
                        Arbitraries.of('P', 'C', 'H', 'F', 'A', 'T', 'B', 'L', 'J', 'G'),
                        letters.ofLength(1),
                        Arbitraries.strings().numeric().ofLength(4),
                        letters.ofLength(1))
                .as((first, holder, name, digits, last) -> first + holder + name + digits + last);
        Arbitrary<Character> registration = Arbitraries.of(ALPHABET.substring(1).toCharArray());
        return Combinators.combine(state, pan, registration).as((s, p, r) -> s + p + r + "Z");
    }

    private static boolean isValid(String gstin) {
        return Gstin.problemWith(gstin) == null;
    }
}
