package dev.canopy.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class WebsitesTest {

    @Test
    void normalizesAddressesAndTakesTheirDomain() {
        assertThat(Websites.normalize("website", "WWW.Bluebird.example")).isEqualTo("https://www.bluebird.example");
        assertThat(Websites.domain("https://www.bluebird.example")).isEqualTo("bluebird.example");
        assertThat(Websites.normalize("website", "http://shop.acme.example/partners"))
                .isEqualTo("http://shop.acme.example/partners");
        assertThat(Websites.normalize("website", "  ")).isNull();
        assertThat(Websites.domain(Websites.normalize("website", "shop.eu.acme.co.uk")))
                .isEqualTo("acme.co.uk");
    }

    @Test
    void refusesWhatIsNotAWebsite() {
        assertThatThrownBy(() -> Websites.normalize("website", "not a site")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Websites.normalize("website", "https://localhost"))
                .isInstanceOf(InvalidInputException.class);
    }
}
