package dev.canopy.partners;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class PartnerDirectoryFindsAndExportsPartners {

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Partners partners;

    @Autowired
    JdbcClient db;

    private PartnerView add(Fixtures.Tenant tenant, String name, PartnerType type, String region) {
        return fixtures.as(
                tenant.owner(),
                () -> partners.invite(new NewPartner(
                        name,
                        "https://" + name.toLowerCase().replace(' ', '-') + ".example",
                        Set.of(type),
                        List.of(region),
                        List.of(),
                        null,
                        "Contact",
                        Fixtures.uniqueEmail("contact"))));
    }

    @Test
    void filtersBySearchTypeStatusRegionAndDormancy() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        PartnerView sleepy = add(tenant, "Sleepy Systems", PartnerType.SYSTEM_INTEGRATOR, "EMEA");
        add(tenant, "Busy Resellers", PartnerType.RESELLER, "APAC");
        fixtures.as(tenant.owner(), () -> partners.changeStatus(sleepy.id(), PartnerStatus.ACTIVE, null));
        db.sql("update partners_partner set last_activity_at = ?, created_at = ? where id = ?")
                .params(
                        Timestamp.from(clock.instant().minus(Duration.ofDays(90))),
                        Timestamp.from(clock.instant().minus(Duration.ofDays(200))),
                        sleepy.id().value())
                .update();

        String key = fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(get("/api/v1/partners").param("q", "sleepy").header("Authorization", "Bearer " + key))
                .andExpect(jsonPath("$.data.length()").value(1))
                .andExpect(jsonPath("$.data[0].dormant").value(true));
        mvc.perform(get("/api/v1/partners").param("type", "RESELLER").header("Authorization", "Bearer " + key))
                .andExpect(jsonPath("$.data[0].name").value("Busy Resellers"))
                .andExpect(jsonPath("$.data.length()").value(1));
        mvc.perform(get("/api/v1/partners").param("region", "emea").header("Authorization", "Bearer " + key))
                .andExpect(jsonPath("$.data[0].name").value("Sleepy Systems"));
        mvc.perform(get("/api/v1/partners").param("status", "INVITED").header("Authorization", "Bearer " + key))
                .andExpect(jsonPath("$.data[0].name").value("Busy Resellers"));
        mvc.perform(get("/api/v1/partners").param("dormant", "true").header("Authorization", "Bearer " + key))
                .andExpect(jsonPath("$.data.length()").value(1));
        mvc.perform(get("/api/v1/partners").param("status", "SLEEPING").header("Authorization", "Bearer " + key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/app/partners").param("dormant", "true").with(signedIn(tenant.owner())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sleepy Systems")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Busy Resellers"))))
                // The filter bar keeps the choice and offers to clear it; unfiltered, there is nothing to clear.
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"dormant\" checked=\"checked\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"clear-filters\"")));
        mvc.perform(get("/app/partners").with(signedIn(tenant.owner())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"filters\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("data-testid=\"clear-filters\""))));

        // A longer dormancy period makes it count as engaged again.
        mvc.perform(post("/app/partners/settings")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("dormancyDays", "120"))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(get("/api/v1/partners").param("dormant", "true").header("Authorization", "Bearer " + key))
                .andExpect(jsonPath("$.data.length()").value(0));
        mvc.perform(post("/app/partners/settings")
                        .with(signedIn(tenant.owner()))
                        .with(csrf())
                        .param("dormancyDays", "3"))
                .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("7 to 730")));
    }

    @Test
    void pagesWithACursorAndExportsCsv() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        for (int i = 0; i < 5; i++) {
            add(tenant, "Partner " + (char) ('A' + i), PartnerType.REFERRAL, "EMEA");
        }
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ);
        String cursor = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(get("/api/v1/partners").param("limit", "3").header("Authorization", "Bearer " + key))
                        .andExpect(jsonPath("$.data[2].name").value("Partner C"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.nextCursor");
        mvc.perform(get("/api/v1/partners")
                        .param("limit", "3")
                        .param("cursor", cursor)
                        .header("Authorization", "Bearer " + key))
                .andExpect(jsonPath("$.data.length()").value(2))
                .andExpect(jsonPath("$.data[0].name").value("Partner D"))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());

        String csv = mvc.perform(get("/app/partners/export.csv").with(signedIn(tenant.owner())))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines()).hasSize(6).first().asString().startsWith("id,name,website,types");
        assertThat(csv).contains("Partner E,https://partner-e.example,REFERRAL,EMEA");
    }

    @Test
    void theApiAddsChangesAndMovesPartnersAndNamesBadFields() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String body = "{\"name\":\"Api Partner\",\"website\":\"api-partner.example\",\"types\":[\"ISV\"],"
                + "\"contactName\":\"Ann\",\"contactEmail\":\"" + Fixtures.uniqueEmail("ann") + "\"}";
        String id = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(post("/api/v1/partners")
                                .header("Authorization", "Bearer " + key)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.status").value("INVITED"))
                        .andExpect(jsonPath("$.domain").value("api-partner.example"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/partners/" + id)
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regions\":[\"LATAM\"]}"))
                .andExpect(jsonPath("$.regions[0]").value("LATAM"))
                .andExpect(jsonPath("$.name").value("Api Partner"));
        mvc.perform(post("/api/v1/partners/" + id + "/status")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"ACTIVE\"}"))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(post("/api/v1/partners/" + id + "/status")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"BANNED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/partners/" + id + "/status")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"REJECTED\",\"reason\":\"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(post("/api/v1/partners")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"contactEmail\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.hasItems("name", "contactName", "contactEmail")));
        assertThat(fixtures.count("partners_partner", tenant.id())).isEqualTo(1);
    }
}
