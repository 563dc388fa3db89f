package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickTable;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Analytics: B's partner, with a click, never named or counted on A's dashboard, its CSV or the API — not even
 * when A asks for B's partner by id (the figures are A's workspace's, so they are nobody's).
 */
class AnalyticsProbes implements ModuleProbes {

    private final ApplicationContext context;
    private PartnerId partner;
    private ProgramView program;

    AnalyticsProbes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prepare(Fixtures.Tenant victim, Attacker a) {
        program =
                new ProgramFixtures(context).program(victim, "Analytics " + Fixtures.unique("p"), PartnerType.REFERRAL);
        partner = new TrackingFixtures(context).partner(victim, program, "Osprey " + Fixtures.unique("o"));
        context.getBean(ClickTable.class)
                .insert(List.of(new Click(
                        UUID.randomUUID(),
                        victim.id(),
                        UUID.randomUUID(),
                        partner.value(),
                        program.id().value(),
                        context.getBean(Clock.class).instant(),
                        "visitor",
                        "203.0.113.5",
                        "Mozilla/5.0 Firefox/140.0",
                        null,
                        null)));
    }

    @Override
    public List<Probe> probes() {
        return List.of();
    }

    @Override
    public List<String> secrets() {
        return List.of(partnerName(), program.name());
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        String id = partner.value().toString();
        return List.of(
                get("/app/analytics"),
                get("/app/analytics").param("partner", id),
                get("/app/analytics/partners.csv"),
                get("/app/analytics/partners.csv").param("partner", id),
                get("/app/analytics/programmes.csv"));
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/analytics"));
    }

    @Override
    public List<String> apiLists() {
        return List.of(
                "/api/v1/analytics/funnel",
                "/api/v1/analytics/funnel?partner=" + partner.value(),
                "/api/v1/analytics/programmes");
    }

    private String partnerName() {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select name from partners_partner where id = ?")
                .param(partner.value())
                .query(String.class)
                .single();
    }
}
