package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
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
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Programmes: the editor's pages and actions, the inbox, the portal's terms, the API; and A's own
 * programme combined with B's tier or partner.
 */
class ProgramsProbes implements ModuleProbes {

    private final Fixtures fixtures;
    private final Programs programs;
    private final Tiers tiers;
    private final Memberships memberships;
    private final Recruitment recruitment;
    private final Partners partners;

    private PartnerId partnerId;
    private String partnerName;
    private UUID programId;
    private String programName;
    private UUID tierId;
    private UUID questionId;
    private UUID criterionId;
    private UUID applicationId;
    private String applicantCompany;
    private UUID attackersProgramId;

    ProgramsProbes(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.programs = context.getBean(Programs.class);
        this.tiers = context.getBean(Tiers.class);
        this.memberships = context.getBean(Memberships.class);
        this.recruitment = context.getBean(Recruitment.class);
        this.partners = context.getBean(Partners.class);
    }

    @Override
    public void prepare(Fixtures.Tenant b, Attacker a) {
        PartnerId partner = fixtures.partnerOf(fixtures.partnerUser(b));
        partnerId = partner;
        partnerName = fixtures.as(b.owner(), () -> partners.get(partner).name());

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
                a.tenant().owner(),
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
        programId = program.id().value();
        programName = name;
        tierId = tier.id();
        questionId = question.id();
        criterionId = criterion.id();
        applicationId = application.id();
        applicantCompany = company;
        attackersProgramId = attackers.id().value();
    }

    @Override
    public List<Probe> probes() {
        UUID partner = partnerId.value();

        String program = "/app/programs/" + programId;
        String tier = program + "/tiers/" + tierId;
        String application = "/app/applications/" + applicationId;
        String api = "/api/v1/programs/" + programId;
        String apiApplication = "/api/v1/applications/" + applicationId;
        return List.of(
                new Probe("/app/programs/{id}", get(program)),
                new Probe(
                        "/app/programs/{id}",
                        post(program).param("name", "Hijacked").param("partnerTypes", "RESELLER")),
                new Probe("/app/programs/{id}/terms", get(program + "/terms")),
                new Probe("/app/programs/{id}/terms", post(program + "/terms").param("body", "Hijacked terms")),
                new Probe("/app/programs/{id}/members", get(program + "/members")),
                new Probe("/app/programs/{id}/members/candidates", get(program + "/members/candidates")),
                new Probe(
                        "/app/programs/{id}/members",
                        post(program + "/members").param("partnerId", partnerId.toString())),
                new Probe("/app/programs/{id}/form", get(program + "/form")),
                new Probe(
                        "/app/programs/{id}/questions",
                        post(program + "/questions").param("label", "Hijack?").param("type", "TEXT")),
                new Probe(
                        "/app/programs/{id}/questions/{questionId}/remove",
                        post(program + "/questions/" + questionId + "/remove")),
                new Probe(
                        "/app/programs/{id}/criteria",
                        post(program + "/criteria")
                                .param("kind", "PARTNER_TYPE")
                                .param("partnerType", "RESELLER")
                                .param("points", "99")),
                new Probe(
                        "/app/programs/{id}/criteria/{criterionId}/remove",
                        post(program + "/criteria/" + criterionId + "/remove")),
                new Probe(
                        "/app/programs/{id}/decisions",
                        post(program + "/decisions").param("autoApproveScore", "0")),
                new Probe("/app/programs/{id}/tiers", get(program + "/tiers")),
                new Probe("/app/programs/{id}/tiers", post(program + "/tiers").param("name", "Hijacked")),
                new Probe("/app/programs/{id}/tiers/{tierId}", get(tier)),
                new Probe("/app/programs/{id}/tiers/{tierId}", post(tier).param("name", "Hijacked")),
                new Probe(
                        "/app/programs/{id}/tiers/{tierId}",
                        get("/app/programs/" + attackersProgramId + "/tiers/" + tierId)),
                new Probe(
                        "/app/programs/{id}/tiers/{tierId}",
                        post("/app/programs/" + attackersProgramId + "/tiers/" + tierId)
                                .param("name", "Hijacked")),
                new Probe(
                        "/app/programs/{id}/tiers/{tierId}/simulate",
                        post(tier + "/simulate").param("dealsWon", "1")),
                new Probe("/app/programs/{id}/tiers/{tierId}/remove", post(tier + "/remove")),
                new Probe(
                        "/app/programs/{id}/tiers/{tierId}/remove",
                        post("/app/programs/" + attackersProgramId + "/tiers/" + tierId + "/remove")),
                new Probe("/app/programs/{id}/evaluate", post(program + "/evaluate")),
                new Probe("/app/applications/{id}", get(application)),
                new Probe("/app/applications/{id}/approve", post(application + "/approve")),
                new Probe(
                        "/app/applications/{id}/reject",
                        post(application + "/reject").param("reason", "Hijacked")),
                new Probe("/portal/programs/{id}/terms", get("/portal/programs/" + programId + "/terms")),
                new Probe(
                        "/portal/programs/{id}/terms",
                        post("/portal/programs/" + programId + "/terms").param("version", "1")),
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
                                .content("{\"partnerId\":\"" + partner + "\"}")),
                new Probe(
                        "/api/v1/programs/{id}/memberships",
                        post("/api/v1/programs/" + attackersProgramId + "/memberships")
                                .contentType("application/json")
                                .content("{\"partnerId\":\"" + partner + "\"}")),
                new Probe("/api/v1/applications/{id}", get(apiApplication)),
                new Probe("/api/v1/applications/{id}/approve", post(apiApplication + "/approve")),
                new Probe(
                        "/api/v1/applications/{id}/reject",
                        post(apiApplication + "/reject")
                                .contentType("application/json")
                                .content("{\"reason\":\"Hijacked\"}")));
    }

    @Override
    public List<String> secrets() {
        return List.of(programName, applicantCompany, partnerName);
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(
                get("/app/programs"),
                get("/app/applications").param("status", "ALL"),
                get("/app/programs/" + attackersProgramId + "/members"));
    }

    @Override
    public List<String> apiLists() {
        return List.of(
                "/api/v1/programs",
                "/api/v1/applications",
                "/api/v1/memberships",
                "/api/v1/memberships?partnerId=" + partnerId);
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/programs"));
    }
}
