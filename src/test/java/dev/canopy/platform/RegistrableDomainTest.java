package dev.canopy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrableDomainTest {

    @ParameterizedTest
    @CsvSource({
        "acme.com, acme.com",
        "www.acme.com, acme.com",
        "shop.eu.acme.com, acme.com",
        "https://WWW.Acme.com/partners?x=1, acme.com",
        "http://acme.co.uk, acme.co.uk",
        "shop.acme.co.uk, acme.co.uk",
        "portal.acme.com.au, acme.com.au",
        "ann@sales.acme.de, acme.de",
        "bücher.example.de, example.de",
        "www.bücher.de, xn--bcher-kva.de",
        "xn--bcher-kva.de, xn--bcher-kva.de",
        "shop.BÜCHER.co.uk, xn--bcher-kva.co.uk",
        "https://xn--bcher-kva.co.uk/kontakt, xn--bcher-kva.co.uk",
        "www.bücher。de, xn--bcher-kva.de",
        "münchen.com.au, xn--mnchen-3ya.com.au",
        "acme.com., acme.com",
        "my-app.github.io, my-app.github.io",
        "northwind.example, northwind.example",
        "https://shop.eu.Bluebird-Consulting.example/x, bluebird-consulting.example",
        "pat@bluebird-consulting.example, bluebird-consulting.example",
        "www.acme.test, acme.test"
    })
    void findsTheDomainAnOrganisationRegistered(String input, String expected) {
        assertThat(RegistrableDomain.of(input)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "localhost",
                "co.uk",
                "com",
                "192.0.2.1",
                "https://",
                "not a domain",
                "example",
                "acme.invalid",
                "www.acme.localhost"
            })
    void hasNoneForSuffixesAddressesAndNonsense(String input) {
        assertThat(RegistrableDomain.of(input)).isEmpty();
    }
}
