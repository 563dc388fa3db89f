package dev.canopy.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.WorkspaceId;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RedirectTargetTest {

    private static final List<String> ALLOWED = List.of("shop.example");

    private final RedirectTarget target = target("https://www.shop.example/pricing?plan=pro#faq");

    @Property(tries = 3000)
    void noRequestQueryEverChangesWhereTheVisitorGoes(@ForAll("hostileQueries") String query) {
        String location = target.location(query, UUID.randomUUID());

        assertThat(location).startsWith("https://www.shop.example/pricing?plan=pro&");
        assertThat(location).doesNotContain("\\", "\r", "\n", " ", "\t");
        URI parsed = URI.create(location);
        assertThat(parsed.getHost()).isEqualTo("www.shop.example");
        assertThat(parsed.getRawUserInfo()).isNull();
        assertThat(parsed.getRawFragment()).isEqualTo("faq");
        assertThat(location.indexOf('#')).isEqualTo(location.length() - "#faq".length());
    }

    @Provide
    Arbitrary<String> hostileQueries() {
        Arbitrary<String> pieces = Arbitraries.of(
                "//evil.example",
                "@evil.example",
                "\\\\evil.example",
                "%2F%2Fevil.example",
                "%5C",
                "%",
                "%zz",
                "%0d%0a",
                "#",
                "?",
                "&",
                "=",
                "https://evil.example",
                "cnp_click",
                "cnp_ref",
                "utm_source",
                "plan",
                "\u202e",
                "%FF%FE",
                "../",
                ";",
                ":",
                " ",
                "\t",
                "é",
                "javascript:alert(1)");
        return Arbitraries.oneOf(pieces, Arbitraries.strings().ofMaxLength(8))
                .list()
                .ofMaxSize(12)
                .map(parts -> String.join("", parts));
    }

    @Test
    void theLinksOwnParametersCannotBeReplacedByTheRequest() {
        String location = target.location("plan=free&utm_source=evil&cnp_ref=evil&x=1", null);

        assertThat(location)
                .isEqualTo("https://www.shop.example/pricing?plan=pro&utm_source=partner&x=1&cnp_ref=bluebird#faq");
    }

    @Test
    void destinationsMustBeOnAnAllowedDomainWithoutCredentials() {
        assertThat(Destinations.check("https://WWW.Shop.Example/a%20b", ALLOWED).toString())
                .isEqualTo("https://www.shop.example/a%20b");
        assertThat(Destinations.check("https://shop.example", ALLOWED).toString())
                .isEqualTo("https://shop.example/");
        for (String bad : List.of(
                "https://shop.example.evil.com/",
                "https://evilshop.example/",
                "https://user:pw@shop.example/",
                "javascript:alert(1)",
                "//shop.example/",
                "ftp://shop.example/",
                "https://shop.example\\@evil.example/",
                "")) {
            assertThatThrownBy(() -> Destinations.check(bad, ALLOWED))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems()).extracting("field").containsExactly("destination"));
        }
    }

    private static RedirectTarget target(String destination) {
        Map<String, String> utm = new LinkedHashMap<>();
        utm.put("utm_source", "partner");
        utm.put("utm_medium", null);
        return RedirectTarget.of(
                UUID.randomUUID(),
                new WorkspaceId(UUID.randomUUID()),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "bluebird",
                false,
                Destinations.check(destination, ALLOWED),
                utm);
    }
}
