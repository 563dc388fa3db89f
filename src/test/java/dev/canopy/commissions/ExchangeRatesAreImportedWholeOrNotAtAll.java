package dev.canopy.commissions;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Finance types a rate in or imports a CSV; a file with one bad row imports nothing and names the row. */
@CanopyTest
class ExchangeRatesAreImportedWholeOrNotAtAll {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private Fixtures.Tenant tenant;
    private VendorUser finance;

    @BeforeEach
    void aWorkspace() {
        tenant = fixtures.newWorkspace();
        finance = fixtures.member(tenant, Role.FINANCE);
    }

    private long stored() {
        return fixtures.count("commissions_exchange_rate", tenant.id());
    }

    private ResultActions upload(String csv) throws Exception {
        return mvc.perform(multipart("/app/exchange-rates/import")
                .file(new MockMultipartFile("file", "rates.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(signedIn(finance))
                .with(csrf()));
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesTheRow() throws Exception {
        upload("""
                        base,quote,effective_on,rate
                        USD,EUR,2026-01-01,0.92
                        GBP,EUR,2026-01-01,-1.17
                        USD,INR,2026-01-01,83.1
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Nothing was imported")))
                .andExpect(content().string(containsString("Row 3, rate: A rate is above zero")));
        upload("base,quote\n").andExpect(status().isBadRequest());
        mvc.perform(multipart("/app/exchange-rates/import")
                        .with(signedIn(finance))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a CSV file")));
        assertThat(stored()).isZero();

        upload("""
                        base,quote,effective_on,rate
                        USD,EUR,2026-01-01,0.92
                        USD,INR,2026-01-01,83.1
                        """).andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "2 rates imported."));
        assertThat(stored()).isEqualTo(2);
        mvc.perform(get("/app/exchange-rates").with(signedIn(finance)))
                .andExpect(content().string(containsString("83.1")));
    }

    @Test
    void aTypedRateIsCheckedFieldByField() throws Exception {
        mvc.perform(post("/app/exchange-rates")
                        .param("base", "USD")
                        .param("quote", "USD")
                        .param("effectiveOn", "yesterday")
                        .param("rate", "0")
                        .with(signedIn(finance))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("rateForm", "quote", "effectiveOn", "rate"));
        assertThat(stored()).isZero();
        mvc.perform(post("/app/exchange-rates")
                        .param("base", "usd")
                        .param("quote", "eur")
                        .param("effectiveOn", "2026-02-01")
                        .param("rate", "0.91")
                        .with(signedIn(finance))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "1 USD = 0.91 EUR from 2026-02-01 is saved."));
        assertThat(stored()).isEqualTo(1);
    }
}
