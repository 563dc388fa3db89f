package dev.canopy;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.ApiKeys;
import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.Role;
import dev.canopy.identity.Team;
import dev.canopy.identity.security.PartnerUsers;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerImports;
import dev.canopy.partners.Partners;
import dev.canopy.platform.MailSink;
import dev.canopy.programs.ApplicationInput;
import dev.canopy.programs.ApplicationView;
import dev.canopy.programs.CriterionInput;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramDraft;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.Question;
import dev.canopy.programs.Recruitment;
import dev.canopy.programs.ScoringCriterion;
import dev.canopy.programs.TierDraft;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Workspace A's people and keys, given the ids of workspace B's records, get 404 from every endpoint and
 * change nothing of B's; lists never show B's records. A module that adds an endpoint with an id in its
 * path adds a probe for it below, or {@link #everyEndpointWithAnIdHasAProbe} fails.
 */
@CanopyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneWorkspaceNeverSeesOrChangesAnother {

    /** One request of A's aimed at a record of B's; {@code pattern} is the endpoint it exercises. */
    record Probe(String pattern, MockHttpServletRequestBuilder request) {}

    /** What B owns that A will aim at. */
    record Victim(
            Fixtures.Tenant tenant,
            UUID invitationId,
            String invitationEmail,
            UUID memberId,
            UUID apiKeyId,
            String apiKeyPrefix,
            int mailIndex,
            UUID partnerId,
            String partnerName,
            UUID contactId,
            UUID partnerUserId,
            UUID importId) {}

    /** What B owns in programmes; A has a programme of its own to mix ids with. */
    record ProgramVictim(
            UUID programId,
            String programName,
            UUID tierId,
            UUID questionId,
            UUID criterionId,
            UUID applicationId,
            String applicantCompany,
            UUID attackersProgramId) {}

    // Paths that carry a secret token rather than an id: they identify no workspace by themselves.
    private static final Set<String> NOT_WORKSPACE_IDS = Set.of("/invitations/{token}", "/portal/join/{token}");

    // Public programme pages, addressed by the workspace's and the programme's public slugs, open to anyone.
    private static final Set<String> PUBLIC_ADDRESSES = Set.of(
            "/programs/{workspaceSlug}",
            "/programs/{workspaceSlug}/{programSlug}",
            "/programs/{workspaceSlug}/{programSlug}/thanks");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient db;

    @Autowired
    Team team;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    MailSink mail;

    @Autowired
    Partners partners;

    @Autowired
    PartnerAccess access;

    @Autowired
    PartnerImports imports;

    @Autowired
    PartnerUsers partnerUsers;

    @Autowired
    Programs programs;

    @Autowired
    Tiers tiers;

    @Autowired
    Memberships memberships;

    @Autowired
    Recruitment recruitment;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Fixtures.Tenant attacker;
    private String attackerKey;
    private String attackerPartner;
    private Victim victim;
    private ProgramVictim programVictim;

    @BeforeAll
    void twoWorkspaces() {
        attacker = fixtures.newWorkspace();
        attackerKey = fixtures.apiKey(attacker, ApiKeyScope.READ_WRITE);
        Fixtures.Tenant b = fixtures.newWorkspace();
        String invited = Fixtures.uniqueEmail("victim-invitee");
        UUID invitation =
                fixtures.as(b.owner(), () -> team.invite(invited, "FINANCE").id());
        VendorUser member = fixtures.member(b, Role.SALES);
        var key = fixtures.as(b.owner(), () -> apiKeys.create("B's billing", ApiKeyScope.READ_WRITE))
                .key();
        int mailIndex = mail.messagesFor(b.id()).getFirst().index();
        String partnerUser = fixtures.partnerUser(b);
        PartnerId partner = fixtures.partnerOf(partnerUser);
        String partnerName = fixtures.as(b.owner(), () -> partners.get(partner).name());
        UUID contact = fixtures.as(
                b.owner(), () -> partners.contacts(partner).getFirst().id());
        UUID partnerUserId = fixtures.as(
                b.owner(), () -> access.users(partner.value()).getFirst().id());
        UUID importId = fixtures.as(
                b.owner(),
                () -> imports.start(
                                "b.csv",
                                "name,website\nB Import Co,https://b-import.example\nbad,\n"
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .id());
        victim = new Victim(
                b,
                invitation,
                invited,
                member.accountId(),
                key.id(),
                key.prefix(),
                mailIndex,
                partner.value(),
                partnerName,
                contact,
                partnerUserId,
                importId);
        attackerPartner = fixtures.partnerUser(attacker);
        programVictim = programmesOf(b, partner);
    }

    private ProgramVictim programmesOf(Fixtures.Tenant b, PartnerId partner) {
        String name = Fixtures.unique("Victim programme");
        ProgramView program = fixtures.as(
                b.owner(),
                () -> programs.create(new ProgramDraft(
                        name,
                        "",
                        List.of("RESELLER"),
                        "B's offer",
                        "MARGIN",
                        "20",
                        "",
                        "of list price",
                        "EUR",
                        null,
                        null,
                        "",
                        "",
                        "",
                        "",
                        true)));
        TierView tier =
                fixtures.as(b.owner(), () -> tiers.addTier(program.id(), new TierDraft("Registered", null, Map.of())));
        Question question = fixtures.as(
                b.owner(),
                () -> programs.addQuestion(program.id(), "Focus?", "SINGLE_CHOICE", false, "SMB\nEnterprise"));
        ScoringCriterion criterion = fixtures.as(
                b.owner(),
                () -> programs.addCriterion(
                        program.id(), new CriterionInput("PARTNER_TYPE", null, null, null, "RESELLER", "10")));
        fixtures.as(b.owner(), () -> programs.publishTerms(program.id(), "B's terms"));
        fixtures.as(b.owner(), () -> memberships.enrol(program.id(), partner));
        String company = Fixtures.unique("Victim applicant");
        ApplicationView application = recruitment.apply(
                b.slug(),
                program.slug(),
                new ApplicationInput(
                        company,
                        Fixtures.unique("victim") + ".example",
                        "Vic Applicant",
                        Fixtures.uniqueEmail("victim-applicant"),
                        List.of("RESELLER"),
                        "EMEA",
                        Map.of()),
                "192.0.2.1");
        ProgramView attackers = fixtures.as(
                attacker.owner(),
                () -> programs.create(new ProgramDraft(
                        "A's programme",
                        "",
                        List.of("RESELLER"),
                        "A's offer",
                        "MARGIN",
                        "20",
                        "",
                        "of list price",
                        "EUR",
                        null,
                        null,
                        "",
                        "",
                        "",
                        "",
                        true)));
        return new ProgramVictim(
                program.id().value(),
                name,
                tier.id(),
                question.id(),
                criterion.id(),
                application.id(),
                company,
                attackers.id().value());
    }

    /** Identity: team, invitations, API keys, workspaces; platform: the mail sink. */
    private List<Probe> identityProbes(Victim b) {
        return List.of(
                new Probe(
                        "/app/team/invitations/{id}/resend",
                        post("/app/team/invitations/" + b.invitationId() + "/resend")),
                new Probe(
                        "/app/team/invitations/{id}/revoke",
                        post("/app/team/invitations/" + b.invitationId() + "/revoke")),
                new Probe(
                        "/app/team/members/{accountId}/role",
                        post("/app/team/members/" + b.memberId() + "/role").param("role", "ADMIN")),
                new Probe(
                        "/app/team/members/{accountId}/remove", post("/app/team/members/" + b.memberId() + "/remove")),
                new Probe("/app/api-keys/{id}/revoke", post("/app/api-keys/" + b.apiKeyId() + "/revoke")),
                new Probe(
                        "/app/workspaces/{id}/switch",
                        post("/app/workspaces/" + b.tenant().id() + "/switch")),
                new Probe("/app/mail/{index}", get("/app/mail/" + b.mailIndex())),
                new Probe("/api/v1/invitations/{id}", get("/api/v1/invitations/" + b.invitationId())),
                new Probe("/api/v1/invitations/{id}", delete("/api/v1/invitations/" + b.invitationId())));
    }

    /** Partners: the directory, a partner's page, contacts, portal users, imports; the portal's company page. */
    private List<Probe> partnersProbes(Victim b) {
        String partner = "/app/partners/" + b.partnerId();
        String api = "/api/v1/partners/" + b.partnerId();
        return List.of(
                new Probe("/app/partners/{id}", get(partner)),
                new Probe("/app/partners/{id}/edit", get(partner + "/edit")),
                new Probe("/app/partners/{id}/edit", post(partner + "/edit").param("name", "Hijacked")),
                new Probe("/app/partners/{id}/status", post(partner + "/status").param("status", "ARCHIVED")),
                new Probe(
                        "/app/partners/{id}/contacts",
                        post(partner + "/contacts").param("name", "X").param("email", "x@example.com")),
                new Probe(
                        "/app/partners/{id}/contacts/{contactId}/remove",
                        post(partner + "/contacts/" + b.contactId() + "/remove")),
                new Probe(
                        "/app/partners/{id}/users",
                        post(partner + "/users")
                                .param("displayName", "X")
                                .param("email", Fixtures.uniqueEmail("x"))
                                .param("role", "ADMIN")),
                new Probe(
                        "/app/partners/{id}/users/{userId}/remove",
                        post(partner + "/users/" + b.partnerUserId() + "/remove")),
                new Probe("/app/partners/import/{id}", get("/app/partners/import/" + b.importId())),
                new Probe(
                        "/app/partners/import/{id}/rejected.csv",
                        get("/app/partners/import/" + b.importId() + "/rejected.csv")),
                new Probe("/api/v1/partners/{id}", get(api)),
                new Probe(
                        "/api/v1/partners/{id}",
                        patch(api).contentType("application/json").content("{\"name\":\"Hijacked\"}")),
                new Probe(
                        "/api/v1/partners/{id}/status",
                        post(api + "/status").contentType("application/json").content("{\"status\":\"ARCHIVED\"}")),
                new Probe("/api/v1/partners/{id}/contacts", get(api + "/contacts")),
                new Probe(
                        "/api/v1/partners/{id}/contacts",
                        post(api + "/contacts")
                                .contentType("application/json")
                                .content("{\"name\":\"X\",\"email\":\"x@example.com\"}")),
                new Probe(
                        "/portal/company/users/{userId}/remove",
                        post("/portal/company/users/" + b.partnerUserId() + "/remove")));
    }

    /**
     * Programmes: the editor's pages and actions, the inbox, the portal's terms, the API; and A's own
     * programme combined with B's tier or partner.
     */
    private List<Probe> programsProbes(Victim b, ProgramVictim v) {
        String program = "/app/programs/" + v.programId();
        String tier = program + "/tiers/" + v.tierId();
        String application = "/app/applications/" + v.applicationId();
        String api = "/api/v1/programs/" + v.programId();
        String apiApplication = "/api/v1/applications/" + v.applicationId();
        return List.of(
                new Probe("/app/programs/{id}", get(program)),
                new Probe(
                        "/app/programs/{id}",
                        post(program).param("name", "Hijacked").param("partnerTypes", "RESELLER")),
                new Probe("/app/programs/{id}/terms", get(program + "/terms")),
                new Probe("/app/programs/{id}/terms", post(program + "/terms").param("body", "Hijacked terms")),
                new Probe("/app/programs/{id}/members", get(program + "/members")),
                new Probe("/app/programs/{id}/form", get(program + "/form")),
                new Probe(
                        "/app/programs/{id}/questions",
                        post(program + "/questions").param("label", "Hijack?").param("type", "TEXT")),
                new Probe(
                        "/app/programs/{id}/questions/{questionId}/remove",
                        post(program + "/questions/" + v.questionId() + "/remove")),
                new Probe(
                        "/app/programs/{id}/criteria",
                        post(program + "/criteria")
                                .param("kind", "PARTNER_TYPE")
                                .param("partnerType", "RESELLER")
                                .param("points", "99")),
                new Probe(
                        "/app/programs/{id}/criteria/{criterionId}/remove",
                        post(program + "/criteria/" + v.criterionId() + "/remove")),
                new Probe(
                        "/app/programs/{id}/decisions",
                        post(program + "/decisions").param("autoApproveScore", "0")),
                new Probe("/app/programs/{id}/tiers", get(program + "/tiers")),
                new Probe("/app/programs/{id}/tiers", post(program + "/tiers").param("name", "Hijacked")),
                new Probe("/app/programs/{id}/tiers/{tierId}", get(tier)),
                new Probe("/app/programs/{id}/tiers/{tierId}", post(tier).param("name", "Hijacked")),
                new Probe(
                        "/app/programs/{id}/tiers/{tierId}",
                        get("/app/programs/" + v.attackersProgramId() + "/tiers/" + v.tierId())),
                new Probe(
                        "/app/programs/{id}/tiers/{tierId}",
                        post("/app/programs/" + v.attackersProgramId() + "/tiers/" + v.tierId())
                                .param("name", "Hijacked")),
                new Probe(
                        "/app/programs/{id}/tiers/{tierId}/simulate",
                        post(tier + "/simulate").param("dealsWon", "1")),
                new Probe("/app/programs/{id}/tiers/{tierId}/remove", post(tier + "/remove")),
                new Probe(
                        "/app/programs/{id}/tiers/{tierId}/remove",
                        post("/app/programs/" + v.attackersProgramId() + "/tiers/" + v.tierId() + "/remove")),
                new Probe("/app/programs/{id}/evaluate", post(program + "/evaluate")),
                new Probe("/app/applications/{id}", get(application)),
                new Probe("/app/applications/{id}/approve", post(application + "/approve")),
                new Probe(
                        "/app/applications/{id}/reject",
                        post(application + "/reject").param("reason", "Hijacked")),
                new Probe("/portal/programs/{id}/terms", get("/portal/programs/" + v.programId() + "/terms")),
                new Probe(
                        "/portal/programs/{id}/terms",
                        post("/portal/programs/" + v.programId() + "/terms").param("version", "1")),
                new Probe("/api/v1/programs/{id}", get(api)),
                new Probe(
                        "/api/v1/programs/{id}",
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(api)
                                .contentType("application/json")
                                .content("{\"name\":\"Hijacked\"}")),
                new Probe("/api/v1/programs/{id}/evaluate", post(api + "/evaluate")),
                new Probe(
                        "/api/v1/programs/{id}/memberships",
                        post(api + "/memberships")
                                .contentType("application/json")
                                .content("{\"partnerId\":\"" + b.partnerId() + "\"}")),
                new Probe(
                        "/api/v1/programs/{id}/memberships",
                        post("/api/v1/programs/" + v.attackersProgramId() + "/memberships")
                                .contentType("application/json")
                                .content("{\"partnerId\":\"" + b.partnerId() + "\"}")),
                new Probe("/api/v1/applications/{id}", get(apiApplication)),
                new Probe("/api/v1/applications/{id}/approve", post(apiApplication + "/approve")),
                new Probe(
                        "/api/v1/applications/{id}/reject",
                        post(apiApplication + "/reject")
                                .contentType("application/json")
                                .content("{\"reason\":\"Hijacked\"}")));
    }

    private List<Probe> allProbes(Victim b) {
        List<Probe> probes = new ArrayList<>();
        probes.addAll(identityProbes(b));
        probes.addAll(partnersProbes(b));
        probes.addAll(programsProbes(b, programVictim));
        return probes;
    }

    @TestFactory
    Stream<DynamicTest> anotherWorkspacesIdsAnswer404AndChangeNothing() {
        return allProbes(victim).stream()
                .map(probe -> DynamicTest.dynamicTest(
                        probe.request()
                                        .buildRequest(new org.springframework.mock.web.MockServletContext())
                                        .getMethod() + " " + probe.pattern(),
                        () -> {
                            Map<String, String> before = fingerprint(victim.tenant());
                            MockHttpServletRequestBuilder request = probe.request();
                            if (probe.pattern().startsWith("/api/")) {
                                request.header("Authorization", "Bearer " + attackerKey);
                            } else if (probe.pattern().startsWith("/portal/")) {
                                request.with(signedInPartner(attackerPartner)).with(csrf());
                            } else {
                                request.with(signedIn(attacker.owner())).with(csrf());
                            }
                            int status = mvc.perform(request)
                                    .andReturn()
                                    .getResponse()
                                    .getStatus();
                            assertThat(status).as(probe.pattern()).isEqualTo(404);
                            assertThat(fingerprint(victim.tenant()))
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
        allProbes(victim).forEach(p -> probed.add(p.pattern()));
        assertThat(probed).containsAll(withIds);
    }

    @Test
    void listsAndPagesNeverShowAnotherWorkspacesRecords() throws Exception {
        List<String> secrets = List.of(
                victim.tenant().owner().email(),
                victim.invitationEmail(),
                victim.apiKeyPrefix(),
                victim.tenant().slug());
        List<MockHttpServletRequestBuilder> pages = List.of(
                get("/app"),
                get("/app/team"),
                get("/app/api-keys"),
                get("/app/audit"),
                get("/app/mail"),
                get("/app/settings"));
        for (MockHttpServletRequestBuilder page : pages) {
            String html = mvc.perform(page.with(signedIn(attacker.owner())))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            secrets.forEach(secret -> assertThat(html).doesNotContain(secret));
        }
        for (String endpoint :
                List.of("/api/v1/workspace", "/api/v1/members", "/api/v1/invitations", "/api/v1/audit-events")) {
            String json = mvc.perform(get(endpoint).header("Authorization", "Bearer " + attackerKey))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            secrets.forEach(secret -> assertThat(json).as(endpoint).doesNotContain(secret));
        }
    }

    @Test
    void programmeListsNeverShowAnotherWorkspacesProgrammes() throws Exception {
        List<String> secrets =
                List.of(programVictim.programName(), programVictim.applicantCompany(), victim.partnerName());
        for (MockHttpServletRequestBuilder page : List.of(
                get("/app/programs"),
                get("/app/applications").param("status", "ALL"),
                get("/app/programs/" + programVictim.attackersProgramId() + "/members"))) {
            String html = mvc.perform(page.with(signedIn(attacker.owner())))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            secrets.forEach(secret -> assertThat(html).doesNotContain(secret));
        }
        for (String endpoint : List.of("/api/v1/programs", "/api/v1/applications", "/api/v1/memberships")) {
            String json = mvc.perform(get(endpoint).header("Authorization", "Bearer " + attackerKey))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            secrets.forEach(secret -> assertThat(json).as(endpoint).doesNotContain(secret));
        }
        String json = mvc.perform(get("/api/v1/memberships")
                        .param("partnerId", victim.partnerId().toString())
                        .header("Authorization", "Bearer " + attackerKey))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).isEqualTo("[]");
        String portal = mvc.perform(get("/portal/programs").with(signedInPartner(attackerPartner)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        secrets.forEach(secret -> assertThat(portal).doesNotContain(secret));
    }

    /** MockMvc: signed in as the partner user with {@code email} (a real principal, as the portal's form login makes). */
    private org.springframework.test.web.servlet.request.RequestPostProcessor signedInPartner(String email) {
        var user = partnerUsers.loadUserByUsername(email);
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(
                        org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                                user, null, user.getAuthorities()));
    }

    /** A digest of every row B owns, in every table that has a workspace_id, and of B's people. */
    private Map<String, String> fingerprint(Fixtures.Tenant tenant) {
        List<String> tables = db.sql(
                        "select table_name from information_schema.columns where column_name = 'workspace_id' and table_schema = 'public' order by 1")
                .query(String.class)
                .list();
        Map<String, String> digests = new java.util.TreeMap<>();
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
