package dev.canopy.platform.web;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.WorkspaceRows;
import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Text that PostgreSQL cannot store, or that is not what was meant, is refused by name wherever it comes in: a
 * console form, an uploaded CSV, an API body; nothing is stored. An error no handler expected still answers a
 * problem, without internals.
 */
@CanopyTest
class BadTextIsRefusedAtEveryDoor {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WorkspaceRows rows;

    private Fixtures.Tenant tenant;

    @BeforeEach
    void setUp() {
        tenant = fixtures.newWorkspace();
    }

    @Test
    void aNulInAConsoleFormIsAProblemNamingTheField() throws Exception {
        String before = rows.digest(tenant.id());
        mvc.perform(post("/app/payouts/settings")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("netDays", "15")
                        .param("secondApprovalAbove", "10000")
                        .param("secondApprovalCurrency", "USD")
                        .param("legalName", "Northwind\u0000Cloud"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("legalName"))
                .andExpect(jsonPath("$.errors[0].message").value("Contains a control character (U+0000)"));
        assertThat(rows.digest(tenant.id())).isEqualTo(before);
    }

    @Test
    void anAccountListInInvalidUtf8LeavesTheListAsItWas() throws Exception {
        String good = "name,domain,status\nInitech,initech.com,CUSTOMER\nUmbrella,umbrella.com,PROSPECT\n";
        upload(good.getBytes(StandardCharsets.UTF_8))
                .andExpect(flash().attribute("flash", "Your account list now holds 2 accounts."));
        String before = rows.digest(tenant.id());

        byte[] latin1 = "name,domain,status\nSoci\u00e9t\u00e9 G\u00e9n\u00e9rale,sg.fr,CUSTOMER\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        upload(latin1)
                .andExpect(flash().attribute(
                                "flashError",
                                Matchers.startsWith("File: Not UTF-8 text: export it from your spreadsheet")));
        upload("name,domain,status\nGlo\u0000bex,globex.com,CUSTOMER\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(flash().attribute("flashError", "File: Contains a control character (U+0000)"));

        assertThat(rows.digest(tenant.id()))
                .as("the two accounts are still the list")
                .isEqualTo(before);
    }

    @Test
    void aHoldReasonOverTheLimitIsRefusedByName() throws Exception {
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        for (String reason : new String[] {"x".repeat(100_000), "x".repeat(1_001)}) {
            mvc.perform(post("/api/v1/commissions/hold")
                            .header("Authorization", "Bearer " + key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"ids\":[\"" + UUID.randomUUID() + "\"],\"reason\":\"" + reason + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value(Matchers.startsWith(
                                    reason.length() > 10_000
                                            ? "Use at most 10000 characters"
                                            : "Keep the reason to 1000")));
        }
    }

    @Test
    void aProgrammeInATestingOrNoCurrencyIsRefused() throws Exception {
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        for (String currency : new String[] {"XTS", "XXX"}) {
            mvc.perform(post("/api/v1/programs")
                            .header("Authorization", "Bearer " + key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"name":"Test money","partnerTypes":["REFERRAL"],"rewardType":"PERCENT",
                                     "rewardRateMin":"10","rewardRateMax":"20","currency":"%s"}""".formatted(currency)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem("currency")));
        }
        assertThat(fixtures.count("programs_program", tenant.id())).isZero();
    }

    @Test
    void anErrorNoHandlerExpectedIsAProblemWithoutInternals() throws Exception {
        mvc.perform(get("/error")
                        .accept(MediaType.APPLICATION_JSON)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/partners"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("trace"))));
    }

    private org.springframework.test.web.servlet.ResultActions upload(byte[] csv) throws Exception {
        return mvc.perform(multipart("/app/account-mapping/accounts")
                .file(new MockMultipartFile("file", "accounts.csv", "text/csv", csv))
                .with(signedIn(tenant.owner()))
                .with(csrf()));
    }
}
