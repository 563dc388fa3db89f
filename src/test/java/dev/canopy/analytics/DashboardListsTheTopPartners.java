package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.partners.PartnerId;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With more active partners than the dashboard lists, the page shows the 25 that brought the most (and says how many
 * there are), while the CSV and the API give every one.
 */
@CanopyTest
class DashboardListsTheTopPartners {

    private static final Instant NOON = Instant.parse("2026-11-18T12:00:00Z");
    private static final int PARTNERS = Analytics.DASHBOARD_PARTNERS + 2;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    ClickTable clicks;

    private TrackingFixtures.Setup setup;

    @BeforeEach
    void onTheEighteenthOfNovember() {
        clock.setTo(NOON);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePageListsTheTopPartnersAndTheCsvAndApiEveryOne() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        setup = tracking.setup();
        List<Click> batch = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            String name = "Partner " + (100 + i);
            PartnerId partner = i == 0 ? setup.partner() : tracking.partner(setup.tenant(), setup.program(), name);
            UUID link = i == 0
                    ? setup.link().id().value()
                    : tracking.link(setup.tenant(), partner, setup.program(), "https://www." + TrackingFixtures.SHOP)
                            .id()
                            .value();
            names.add(i == 0 ? null : name);
            // Partner i brings i + 1 clicks: the last one brings the most.
            for (int c = 0; c <= i; c++) {
                batch.add(new Click(
                        UUID.randomUUID(),
                        setup.tenant().id(),
                        link,
                        partner.value(),
                        setup.program().id().value(),
                        NOON.minusSeconds(60L * c),
                        "v" + c,
                        "203.0.113.9",
                        "Mozilla/5.0 Firefox/140.0",
                        null,
                        null));
            }
        }
        clicks.insert(batch);

        String page = view("/app/analytics");
        assertThat(Pattern.compile("data-testid=\"partner-row\"").matcher(page).results())
                .hasSize(Analytics.DASHBOARD_PARTNERS);
        assertThat(page)
                .contains("The 25 with the most revenue of 27 active partners; the CSV has them all.")
                .contains(names.getLast())
                .doesNotContain(">" + names.get(1) + "<");

        List<String> csv = view("/app/analytics/partners.csv").lines().toList();
        assertThat(csv).hasSize(1 + PARTNERS);
        assertThat(csv.get(1)).startsWith(names.getLast() + ",");

        mvc.perform(get("/api/v1/analytics/funnel")
                        .param("from", "2026-11-18")
                        .param("to", "2026-11-18")
                        .header("Authorization", "Bearer " + setup.apiKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerCount").value(PARTNERS))
                .andExpect(jsonPath("$.partners.length()").value(PARTNERS))
                .andExpect(jsonPath("$.partners[0].clicks").value(PARTNERS));
    }

    private String view(String path) throws Exception {
        return mvc.perform(get(path)
                        .param("from", "2026-11-18")
                        .param("to", "2026-11-18")
                        .with(Fixtures.signedIn(setup.tenant().owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
