package dev.canopy.isolation;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.security.PartnerUsers;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Workspace A's staff, API keys and partner users, given the ids of workspace B's records, get 404 from
 * every endpoint and change nothing of B's; A's pages and lists never show B's records. Each module
 * contributes a {@link ModuleProbes}; an endpoint with an id in its path and no probe fails
 * {@link #everyEndpointWithAnIdHasAProbe}.
 */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneWorkspaceNeverSeesOrChangesAnother {

    // Paths that carry a secret token rather than an id: they identify no workspace by themselves.
    // A campaign message's unsubscribe link and open pixel: the unguessable token names one recipient, whose workspace
    // it belongs to (CampaignToASegmentReachesEachMemberOnce uses them).
    private static final Set<String> NOT_WORKSPACE_IDS = Set.of(
            "/invitations/{token}",
            "/portal/join/{token}",
            "/campaigns/unsubscribe/{token}",
            "/campaigns/o/{token}.gif");

    // Public programme pages, addressed by the workspace's and the programme's public slugs, open to anyone.
    private static final Set<String> PUBLIC_ADDRESSES = Set.of(
            "/programs/{workspaceSlug}",
            "/programs/{workspaceSlug}/{programSlug}",
            "/programs/{workspaceSlug}/{programSlug}/thanks",
            // Tracking's public intake: Stripe webhooks (signed) and the website snippet (allowed origins only).
            "/t/{workspace}/stripe",
            "/t/{workspace}/canopy.js",
            "/t/{workspace}/leads",
            // A workspace's logo: its partners' sign-in page and emails show it before anyone signs in.
            "/brand/{slug}/logo",
            // A partner's share link: public by design, opening only what that partner may see (EnablementProbes
            // checks that another workspace's token changes nothing).
            "/shared/{token}",
            "/shared/{token}/page",
            // A certificate's verification page: public by design, addressed by its unguessable code.
            "/verify/{code}",
            "/verify/{code}/badge.json",
            // A workspace's public partner directory, its JSON and embed: public by design, showing only the
            // partners that opted in (DirectoryProbes checks that another workspace's partners never show there).
            "/directory/{workspaceSlug}",
            "/directory/{workspaceSlug}/partners.json",
            "/directory/{workspaceSlug}/embed.js");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient db;

    @Autowired
    PartnerUsers partnerUsers;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Attacker attacker;
    private Fixtures.Tenant victim;
    private List<ModuleProbes> modules;

    @BeforeAll
    void twoWorkspaces() {
        Fixtures.Tenant a = fixtures.newWorkspace();
        attacker = new Attacker(a, fixtures.apiKey(a, ApiKeyScope.READ_WRITE), fixtures.partnerUser(a));
        victim = fixtures.newWorkspace();
        modules = List.of(
                new IdentityProbes(context),
                new PartnersProbes(context),
                new ProgramsProbes(context),
                new TrackingProbes(context),
                new DealsProbes(context),
                new CommissionsProbes(context),
                new PayoutsProbes(context),
                new AnalyticsProbes(context),
                new WebhooksProbes(context),
                new ImportsProbes(context),
                new EnablementProbes(context),
                new CourseProbes(context),
                new RequirementProbes(context),
                new ComarketingProbes(context),
                new DirectoryProbes(context),
                new CommunicationsProbes(context),
                new CampaignsProbes(context),
                new LandingPagesProbes(context));
        modules.forEach(module -> module.prepare(victim, attacker));
    }

    @TestFactory
    Stream<DynamicTest> anotherWorkspacesIdsAnswer404AndChangeNothing() {
        return modules.stream()
                .flatMap(module -> module.probes().stream())
                .map(probe -> DynamicTest.dynamicTest(
                        probe.request().buildRequest(new MockServletContext()).getMethod() + " " + probe.pattern(),
                        () -> {
                            Map<String, String> before = fingerprint(victim);
                            int status = mvc.perform(asAttacker(probe.pattern(), probe.request()))
                                    .andReturn()
                                    .getResponse()
                                    .getStatus();
                            assertThat(status).as(probe.pattern()).isEqualTo(404);
                            assertThat(fingerprint(victim))
                                    .as("B's data after " + probe.pattern())
                                    .isEqualTo(before);
                        }));
    }

    @Test
    void everyEndpointWithAnIdHasAProbe() {
        Set<String> withIds = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(p -> p.contains("{"))
                        .filter(p -> !NOT_WORKSPACE_IDS.contains(p))
                        .filter(p -> !PUBLIC_ADDRESSES.contains(p))
                        .forEach(withIds::add));
        Set<String> probed = new TreeSet<>();
        modules.forEach(module -> module.probes().forEach(p -> probed.add(p.pattern())));
        assertThat(probed).containsAll(withIds);
    }

    @Test
    void pagesAndListsNeverShowAnotherWorkspacesRecords() throws Exception {
        List<String> secrets =
                modules.stream().flatMap(m -> m.secrets().stream()).toList();
        for (ModuleProbes module : modules) {
            for (MockHttpServletRequestBuilder page : module.consolePages()) {
                String html = mvc.perform(page.with(signedIn(attacker.tenant().owner())))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                secrets.forEach(secret -> assertThat(html).doesNotContain(secret));
            }
            for (String list : module.apiLists()) {
                String json = mvc.perform(get(list).header("Authorization", "Bearer " + attacker.apiKey()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                secrets.forEach(secret -> assertThat(json).as(list).doesNotContain(secret));
            }
            for (MockHttpServletRequestBuilder page : module.portalPages()) {
                String html = mvc.perform(page.with(partner(attacker.partnerUserEmail())))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                secrets.forEach(secret -> assertThat(html).doesNotContain(secret));
            }
        }
    }

    /** The request as A would send it: with its API key, as its partner user, or as its owner. */
    private RequestBuilder asAttacker(String pattern, AbstractMockHttpServletRequestBuilder<?> request) {
        if (pattern.startsWith("/api/")) {
            return request.header("Authorization", "Bearer " + attacker.apiKey());
        }
        if (pattern.startsWith("/portal/")) {
            return request.with(partner(attacker.partnerUserEmail())).with(csrf());
        }
        return request.with(signedIn(attacker.tenant().owner())).with(csrf());
    }

    /** Signed in as the partner user with {@code email}, with the principal the portal's sign-in makes. */
    private RequestPostProcessor partner(String email) {
        var user = partnerUsers.loadUserByUsername(email);
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** A digest of every row B owns, in every table that has a workspace_id, and of B's people. */
    private Map<String, String> fingerprint(Fixtures.Tenant tenant) {
        List<String> tables = db.sql(
                        "select table_name from information_schema.columns where column_name = 'workspace_id' and table_schema = 'public' order by 1")
                .query(String.class)
                .list();
        Map<String, String> digests = new TreeMap<>();
        for (String table : tables) {
            digests.put(
                    table,
                    db.sql("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table
                                    + " t where workspace_id = ?")
                            .param(tenant.id().value())
                            .query(String.class)
                            .single());
        }
        digests.put(
                "identity_account",
                db.sql("""
                        select coalesce(md5(string_agg(a::text, '|' order by a::text)), '') from identity_account a
                        join identity_membership m on m.account_id = a.id where m.workspace_id = ?
                        """).param(tenant.id().value()).query(String.class).single());
        return digests;
    }
}
