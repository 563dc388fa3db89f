package dev.canopy.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyNamesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ACME, Inc.|acme",
                "Acme Incorporated|acme",
                "acme   ltd|acme",
                "Initech Solutions Pvt. Ltd.|initech solutions",
                "Müller & Söhne GmbH|muller and sohne",
                "The Globex Corporation|globex",
                "Company Ltd|company ltd",
                "Wayne Enterprises, LLC|wayne enterprises"
            })
    void dropsCaseAccentsPunctuationAndLegalForms(String name, String normalized) {
        assertThat(CompanyNames.normalize(name)).isEqualTo(normalized);
    }
}
