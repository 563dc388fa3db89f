package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.internal.ClickWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Through the real redirect: a visitor's repeats within the hour are clicks but not unique ones, and bots' requests
 * are neither, yet both are counted, so the funnel can show every click, the unique ones and the share of bots.
 */
@CanopyTest
class FunnelTellsRepeatsAndBotsFromClicks {

    private static final LocalDate DAY = LocalDate.parse("2026-11-18");
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/142.0 Safari/537.36";

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    Analytics analytics;

    @Autowired
    ClickWriter writer;

    @Autowired
    JdbcClient db;

    private TrackingFixtures.Setup setup;

    @BeforeEach
    void onTheEighteenthOfNovember() {
        clock.setTo(Instant.parse("2026-11-18T10:00:00Z"));
        setup = new TrackingFixtures(context).setup();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void repeatsAreClicksButNotUniqueOnesAndBotsAreNeither() throws Exception {
        // Ana clicks three times within the hour, Ben once; a crawler and a link preview (HEAD) ask too.
        for (int i = 0; i < 3; i++) {
            visit(get(link()), "203.0.113.7", BROWSER);
        }
        visit(get(link()), "198.51.100.20", BROWSER);
        visit(get(link()), "192.0.2.1", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        visit(head(link()), "192.0.2.2", BROWSER);
        awaitRollup("tracking_click_day", "day", "2 2 2");
        awaitRollup("tracking_click_month", "month", "2 2 2");
        awaitRollup("tracking_click_total_day", "day", "2 2 2");

        FunnelReport report = fixtures.as(
                setup.tenant().owner(), () -> analytics.funnel(new FunnelQuery(new Period(DAY, DAY), null, null)));
        assertThat(report.current().clicks()).isEqualTo(4);
        assertThat(report.current().uniqueClicks()).isEqualTo(2);
        assertThat(report.current().botRequests()).isEqualTo(2);
        // 2 bots' requests of 6.
        assertThat(report.current().botShare()).contains(new BigDecimal("33.3"));
        assertThat(report.partners())
                .extracting(
                        FunnelReport.PartnerRow::partner,
                        FunnelReport.PartnerRow::clicks,
                        FunnelReport.PartnerRow::uniqueClicks,
                        FunnelReport.PartnerRow::botRequests)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(setup.partner(), 4L, 2L, 2L));
        assertThat(report.days())
                .singleElement()
                .satisfies(d -> assertThat(d.clicks()).isEqualTo(4));

        String page = ownersView("/app/analytics");
        assertThat(page).contains("data-testid=\"unique-clicks\">2<").contains("data-testid=\"bot-share\">33.3 %<");
        mvc.perform(get("/api/v1/analytics/funnel")
                        .param("from", DAY.toString())
                        .param("to", DAY.toString())
                        .header("Authorization", "Bearer " + setup.apiKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.clicks").value(4))
                .andExpect(jsonPath("$.current.uniqueClicks").value(2))
                .andExpect(jsonPath("$.current.botRequests").value(2))
                .andExpect(jsonPath("$.partners[0].uniqueClicks").value(2));
        String csv = ownersView("/app/analytics/partners.csv");
        assertThat(csv.lines().toList())
                .first()
                .asString()
                .startsWith("Partner,Partner id,Clicks,Unique clicks,Bot requests,Leads");
        assertThat(csv.lines().toList().get(1)).contains(setup.partner().value() + ",4,2,2,0,");
    }

    @Test
    void aFloodOfBotsTakesNoPlaceInTheClickQueue() throws Exception {
        long accepted = writer.counts().accepted();
        for (int i = 0; i < 50; i++) {
            visit(get(link()), "192.0.2." + i, "curl/8.5.0");
        }
        awaitRollup("tracking_click_day", "day", "0 0 50");
        assertThat(writer.counts().accepted()).isEqualTo(accepted);
    }

    /** A console page or download of the day, as the workspace's owner gets it. */
    private String ownersView(String path) throws Exception {
        return mvc.perform(get(path)
                        .param("from", DAY.toString())
                        .param("to", DAY.toString())
                        .with(Fixtures.signedIn(setup.tenant().owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String link() {
        return "/r/" + setup.tenant().slug() + "/" + setup.link().slug();
    }

    private void visit(MockHttpServletRequestBuilder request, String address, String agent) throws Exception {
        mvc.perform(request.header("User-Agent", agent).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }))
                .andExpect(status().isFound());
    }

    /** Waits for the writer to add what the redirect counted: "clicks repeats bots" of the workspace's rollup. */
    private void awaitRollup(String table, String column, String expected) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<String> rows = db.sql("select sum(clicks) || ' ' || sum(repeats) || ' ' || sum(bots) from " + table
                            + " where workspace_id = ? and " + column + " <= ?")
                    .params(setup.tenant().id().value(), DAY)
                    .query(String.class)
                    .list();
            return rows.equals(List.of(expected));
        });
    }
}
