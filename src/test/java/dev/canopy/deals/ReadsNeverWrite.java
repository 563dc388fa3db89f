package dev.canopy.deals;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.canopy.deals.internal.LeadExpiry;
import dev.canopy.deals.internal.ProtectionExpiry;
import dev.canopy.identity.Role;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No GET changes data: not in another workspace (a page view once expired every workspace's lapsed
 * protections and re-routed their leads), and not for a read-only analyst. Every GET page and API of the
 * console without a path variable is read, plus the deal and lead pages, with a lapsed protection and an
 * unanswered lead waiting in both workspaces; every table's content is the same before and after.
 */
@CanopyTest
class ReadsNeverWrite {

    /**
     * Written by every request or by the sign-in, not by what the request reads; and the API's rate-limit windows,
     * which their housekeeping clears by this test's moved clock whenever it runs.
     */
    private static final Set<String> BOOKKEEPING =
            Set.of("spring_session", "spring_session_attributes", "platform_rate_limit");

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Deals deals;

    @Autowired
    Leads leads;

    @Autowired
    DealRules rules;

    @Autowired
    ProtectionExpiry protectionExpiry;

    @Autowired
    LeadExpiry leadExpiry;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    DealFixtures f;

    /** A workspace with an approved registration and a lead offered to a partner, both due to lapse. */
    record Lapsing(Fixtures.Tenant tenant, DealFixtures.Member partner, DealView deal, LeadView lead) {}

    Lapsing a;
    Lapsing b;

    @BeforeEach
    void twoWorkspacesWhoseProtectionAndLeadClockRunOut() {
        f = new DealFixtures(context);
        a = lapsing();
        b = lapsing();
        clock.advance(Duration.ofDays(40));
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    private Lapsing lapsing() {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        ProgramView program = f.program(tenant);
        DealFixtures.Member partner = f.member(tenant, program);
        f.asStaff(tenant, () -> rules.setProgramRules(program.id(), "30", "10", "ONCE"));
        DealView deal = f.register(partner, program, "Initech", "initech.com");
        f.asStaff(tenant, () -> deals.approve(deal.id()));
        LeadView lead = f.asStaff(
                tenant,
                () -> leads.create(new NewLead(
                        "Duff Beverages",
                        "duff.com",
                        "Homer",
                        "homer@duff.com",
                        "EMEA",
                        "Wants 40 seats",
                        partner.id().toString())));
        return new Lapsing(tenant, partner, deal, lead);
    }

    @Test
    void pagesAndApisReadByAnyoneInOneWorkspaceChangeNoRowAnywhere() throws Exception {
        VendorUser analyst = fixtures.member(a.tenant(), Role.ANALYST);
        Map<String, String> before = digest();

        List<String> read = new ArrayList<>();
        for (VendorUser user : List.of(analyst, a.tenant().owner())) {
            read.addAll(readAll(signedIn(user), "/app/", "/api/v1/"));
            for (String path : List.of(
                    "/app/deals/" + a.deal().id(),
                    "/api/v1/deals/" + a.deal().id(),
                    "/app/leads/" + a.lead().id(),
                    "/api/v1/leads/" + a.lead().id())) {
                mvc.perform(get(path).with(signedIn(user)));
                read.add(path);
            }
        }
        // Links.mine() makes a partner's first personal links when it opens My links: the one documented
        // exception (README, Tracking), so the portal's links page is left out.
        read.addAll(readAll(f.portal(a.partner()), "/portal/"));
        for (String path : List.of("/portal/deals/" + a.deal().id(), "/portal/deals/hint?website=initech.com")) {
            mvc.perform(get(path).with(f.portal(a.partner())));
            read.add(path);
        }

        assertThat(read).as("pages read").hasSizeGreaterThan(40).contains("/app/deals", "/portal/leads");
        Map<String, String> after = digest();
        assertThat(before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))))
                .as("tables changed by %d GETs", read.size())
                .isEmpty();

        // What the pages showed is what the clock says; the scheduled jobs then make it durable.
        assertThat(f.asStaff(b.tenant(), () -> deals.get(b.deal().id())).status())
                .isEqualTo(DealStatus.EXPIRED);
        assertThat(f.asPartner(
                        b.partner(),
                        () -> leads.search(new LeadQuery(null, null, 50)).leads()))
                .as("an offer whose time ran out is no longer the partner's")
                .isEmpty();
        assertThat(protectionExpiry.runNow())
                .extracting(DealView::id)
                .contains(a.deal().id(), b.deal().id());
        leadExpiry.runNow();
        assertThat(f.asStaff(b.tenant(), () -> leads.get(b.lead().id())).offers())
                .extracting(LeadOffer::outcome)
                .containsExactly(LeadOffer.Outcome.EXPIRED);
    }

    /** GETs every mapped path under the prefixes that has no path variable; answers the paths read. */
    private List<String> readAll(RequestPostProcessor who, String... prefixes) throws Exception {
        List<String> paths = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPatternValues().stream())
                .filter(path -> !path.contains("{") && !path.equals("/portal/links"))
                .filter(path -> java.util.Arrays.stream(prefixes).anyMatch(path::startsWith))
                .distinct()
                .sorted()
                .toList();
        for (String path : paths) {
            mvc.perform(get(path).with(who));
        }
        return paths;
    }

    /** Each table's rows, hashed in a stable order, once every event in flight has been handled. */
    private Map<String, String> digest() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> db.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String table : db.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
                        """).query(String.class).list()) {
            if (BOOKKEEPING.contains(table)) {
                continue;
            }
            hashes.put(
                    table,
                    db.sql("select md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) from " + table
                                    + " t")
                            .query(String.class)
                            .single());
        }
        return hashes;
    }
}
