package dev.canopy.programs;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.partners.PartnerId;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@CanopyTest
class PartnerDirectoryShowsAndFiltersByTier {

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Programs programs;

    @Autowired
    Tiers tiers;

    @Autowired
    Memberships memberships;

    @Autowired
    JdbcClient db;

    private String name(PartnerId id) {
        return db.sql("select name from partners_partner where id = ?")
                .param(id.value())
                .query(String.class)
                .single();
    }

    @Test
    void thePartnerListShowsEachPartnersTierAndFiltersByOne() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        PartnerId gold = fixtures.partnerOf(fixtures.partnerUser(tenant));
        PartnerId registered = fixtures.partnerOf(fixtures.partnerUser(tenant));
        TierView goldTier = fixtures.as(tenant.owner(), () -> {
            ProgramView program = programs.create(new ProgramDraft(
                    "Tiered Programme",
                    "",
                    List.of("RESELLER"),
                    "Offer",
                    "MARGIN",
                    "20",
                    "",
                    "list price",
                    "USD",
                    null,
                    null,
                    "",
                    "",
                    "",
                    "",
                    true));
            tiers.addTier(program.id(), new TierDraft("Registered", null, Map.of()));
            TierView created =
                    tiers.addTier(program.id(), new TierDraft("Gold", null, Map.of(TierMetric.DEALS_WON, "3")));
            memberships.enrol(program.id(), gold);
            memberships.enrol(program.id(), registered);
            tiers.recordMetric(
                    tenant.id(),
                    new MetricReading(gold, TierMetric.DEALS_WON, new BigDecimal("4"), null, clock.instant()));
            tiers.evaluate(program.id());
            return created;
        });

        String key = fixtures.apiKey(tenant, ApiKeyScope.READ);
        mvc.perform(get("/api/v1/partners")
                        .param("tier", goldTier.id().toString())
                        .header("Authorization", "Bearer " + key))
                .andExpect(jsonPath("$.data.length()").value(1))
                .andExpect(jsonPath("$.data[0].name").value(name(gold)));
        mvc.perform(get("/app/partners").param("tier", goldTier.id().toString()).with(signedIn(tenant.owner())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tiered Programme · Gold")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(name(registered)))));
        mvc.perform(get("/app/partners").with(signedIn(tenant.owner())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tiered Programme · Registered")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(name(registered))));
    }
}
