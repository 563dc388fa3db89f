package dev.canopy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.canopy.comarketing.AllocationInput;
import dev.canopy.comarketing.BudgetInput;
import dev.canopy.comarketing.ClaimLineInput;
import dev.canopy.comarketing.FundClaimView;
import dev.canopy.comarketing.FundClaims;
import dev.canopy.comarketing.FundRequestInput;
import dev.canopy.comarketing.FundRequests;
import dev.canopy.comarketing.Funds;
import dev.canopy.communications.AnnouncementInput;
import dev.canopy.communications.Announcements;
import dev.canopy.deals.DealFixtures;
import dev.canopy.deals.DealView;
import dev.canopy.enablement.AssetInput;
import dev.canopy.enablement.CertificationInput;
import dev.canopy.enablement.Certifications;
import dev.canopy.enablement.ContentLibrary;
import dev.canopy.enablement.CourseInput;
import dev.canopy.enablement.Courses;
import dev.canopy.enablement.LessonInput;
import dev.canopy.enablement.RequirementInput;
import dev.canopy.enablement.Requirements;
import dev.canopy.landingpages.LandingPageTemplates;
import dev.canopy.landingpages.TemplateInput;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.WorkspaceRows;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.webhooks.WebhookEndpoints;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every write operation of the OpenAPI document gets malformed input — broken and duplicate-keyed JSON, invalid
 * UTF-8, an oversize body, and in each text field NUL, control characters, half a surrogate pair, a string over
 * the limit and the wrong type; in each amount sub-unit, exponent, NaN, hex and huge numbers; in each currency
 * test, withdrawn and made-up codes — and answers each with a 4xx problem, changing no row of the workspace.
 * SQL and HTML in each text field never answer 5xx. A write operation added to the API fails this suite until
 * it is listed here with a valid body.
 */
@CanopyTest
class EveryWriteOperationRefusesBadInput {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CSV = "name,domain,status\nInitech,initech.com,CUSTOMER\n";
    private static final String SURROGATE = "half-a-surrogate-pair";
    private static final Set<String> AMOUNTS =
            Set.of("amount", "rewardRateMin", "rewardRateMax", "weight", "secondApprovalAbove");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    WorkspaceRows rows;

    private TrackingFixtures.Setup setup;
    private DealView deal;
    private Map<String, String> bodies;
    private UUID webhookEndpoint;
    private UUID contentAsset;
    private UUID course;
    private UUID quiz;
    private UUID certification;
    private UUID certificate;
    private UUID requirement;
    private UUID budget;
    private UUID allocation;
    private UUID fundRequest;
    private UUID fundClaim;
    private UUID announcement;
    private UUID campaign;
    private UUID landingPageTemplate;

    @BeforeEach
    void aWorkspaceWithOneOfEverything() throws Exception {
        setup = new TrackingFixtures(context).setup();
        DealFixtures deals = new DealFixtures(context);
        ProgramView resellers = deals.program(setup.tenant());
        DealFixtures.Member member = deals.member(setup.tenant(), resellers);
        deal = deals.register(member, resellers, "Initech", "initech.com");
        send(HttpMethod.POST, "/api/v1/deals/" + deal.id() + "/approve", null);
        String partner = setup.partner().value().toString();
        String program = setup.program().id().toString();
        bodies = new LinkedHashMap<>();
        bodies.put("PUT /api/v1/programs/{id}", programForm("Fuzzed programme"));
        bodies.put("POST /api/v1/programs", programForm("Another programme"));
        bodies.put("PUT /api/v1/links/{id}", link(partner, program));
        bodies.put("POST /api/v1/links", link(partner, program));
        bodies.put("PUT /api/v1/account-mapping/partners/{partnerId}/sharing", "{\"level\":\"OVERLAP_COUNTS\"}");
        bodies.put("PUT /api/v1/account-mapping/accounts", CSV);
        bodies.put("POST /api/v1/programs/{id}/memberships", "{\"partnerId\":\"" + partner + "\"}");
        bodies.put("POST /api/v1/programs/{id}/evaluate", null);
        bodies.put("POST /api/v1/payout-runs", null);
        bodies.put("POST /api/v1/payout-runs/{id}/mark-paid", null);
        bodies.put("POST /api/v1/payout-runs/{id}/export", null);
        bodies.put("POST /api/v1/payout-runs/{id}/approve", null);
        bodies.put("POST /api/v1/partners", """
                {"name":"Globex","website":"globex.example","types":["RESELLER"],"regions":["EMEA"],"verticals":["Retail"],
                 "size":"SMALL","contactName":"Hank Scorpio","contactEmail":"hank@globex.example"}""");
        bodies.put("POST /api/v1/partners/{id}/status", "{\"status\":\"SUSPENDED\",\"reason\":\"Paused\"}");
        bodies.put(
                "POST /api/v1/partners/{id}/contacts",
                "{\"name\":\"Ann\",\"email\":\"ann@globex.example\",\"phone\":\"+1 555\",\"title\":\"CTO\",\"primary\":false}");
        bodies.put("PATCH /api/v1/partners/{id}", "{\"name\":\"Bluebird Renamed\",\"website\":\"bluebird.example\"}");
        bodies.put("POST /api/v1/links/{id}/disabled", "{\"disabled\":true}");
        bodies.put("POST /api/v1/leads", """
                {"accountName":"Umbrella","website":"umbrella.example","contactName":"Alice","contactEmail":"alice@umbrella.example",
                 "region":"EMEA","notes":"Wants a demo"}""");
        bodies.put("POST /api/v1/lead-routing-rules", "{\"name\":\"EMEA resellers\",\"region\":\"EMEA\"}");
        bodies.put(
                "POST /api/v1/lead-routing-rules/{id}/weights", "{\"partnerId\":\"" + partner + "\",\"weight\":\"2\"}");
        bodies.put("POST /api/v1/invitations", "{\"email\":\"new@example.com\",\"role\":\"ANALYST\"}");
        bodies.put("POST /api/v1/events/sale", """
                {"id":"s-1","customerExternalId":"c-1","email":"c@acme.example","invoiceId":"i-1","amount":"120.50",
                 "currency":"USD","product":"pro","occurredAt":null}""");
        bodies.put("POST /api/v1/events/refund", """
                {"id":"r-1","invoiceId":"i-1","amount":"20.00","currency":"USD"}""");
        bodies.put("POST /api/v1/events/lead", """
                {"id":"l-1","email":"lead@acme.example","name":"Lead Person","country":"DE"}""");
        bodies.put("POST /api/v1/deals/{id}/won", "{\"amount\":\"24000.50\"}");
        bodies.put("POST /api/v1/deals/{id}/stage", "{\"stage\":\"PROPOSAL\"}");
        bodies.put("POST /api/v1/deals/{id}/sourcing", "{\"sourcing\":\"INFLUENCED\",\"reason\":\"Checked\"}");
        bodies.put("POST /api/v1/deals/{id}/reject", "{\"reason\":\"Not a fit\"}");
        bodies.put("POST /api/v1/deals/{id}/lost", "{\"reason\":\"Went elsewhere\"}");
        bodies.put("POST /api/v1/deals/{id}/extension", null);
        bodies.put("POST /api/v1/deals/{id}/approve", null);
        for (String move : List.of("release", "hold", "decline", "approve")) {
            bodies.put(
                    "POST /api/v1/commissions/" + move,
                    "{\"ids\":[\"" + UUID.randomUUID() + "\"],\"reason\":\"Checked by finance\"}");
        }
        bodies.put(
                "POST /api/v1/commissions/bounties",
                "{\"partnerId\":\"" + partner + "\",\"ruleId\":\"" + UUID.randomUUID() + "\",\"reason\":\"Webinar\"}");
        bodies.put("POST /api/v1/applications/{id}/reject", "{\"reason\":\"Not now\"}");
        bodies.put("POST /api/v1/applications/{id}/approve", null);
        bodies.put("DELETE /api/v1/invitations/{id}", null);
        bodies.put("DELETE /api/v1/lead-routing-rules/{id}", null);
        webhookEndpoint = fixtures.as(
                        setup.tenant().owner(),
                        () -> context.getBean(WebhookEndpoints.class)
                                .create(new WebhookEndpoints.EndpointInput(
                                        "https://hooks.example.com/canopy", "CRM", List.of())))
                .endpoint()
                .id();
        String endpoint =
                "{\"url\":\"https://hooks.example.com/crm\",\"description\":\"CRM\",\"eventTypes\":[\"tier.changed\"]}";
        bodies.put("POST /api/v1/webhook-endpoints", endpoint);
        bodies.put("PUT /api/v1/webhook-endpoints/{id}", endpoint);
        bodies.put("DELETE /api/v1/webhook-endpoints/{id}", null);
        for (String action : List.of("disable", "enable", "rotate-secret", "test")) {
            bodies.put("POST /api/v1/webhook-endpoints/{id}/" + action, null);
        }
        bodies.put(
                "POST /api/v1/webhook-endpoints/{id}/replay-failed",
                "{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-02T00:00:00Z\"}");
        bodies.put("POST /api/v1/webhook-deliveries/{id}/replay", null);
        contentAsset = fixtures.as(
                        setup.tenant().owner(),
                        () -> context.getBean(ContentLibrary.class)
                                .create(new AssetInput(
                                        "LINK",
                                        "Demo video",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "https://video.example.com/demo",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)))
                .id();
        String asset = "{\"kind\":\"LINK\",\"title\":\"Demo\",\"url\":\"https://video.example.com/d\"}";
        bodies.put("POST /api/v1/content", asset);
        bodies.put("PUT /api/v1/content/{id}", asset);
        // Multipart forms: every JSON body the fuzz sends is refused as the wrong media type; the upload test
        // (IntegratorsManageContentThroughTheApi) sends them bad files.
        bodies.put("POST /api/v1/content/files", null);
        bodies.put("POST /api/v1/content/{id}/file", null);
        bodies.put("POST /api/v1/content/{id}/archive", null);
        bodies.put("POST /api/v1/content/{id}/restore", null);
        Courses courses = context.getBean(Courses.class);
        course = fixtures.as(
                        setup.tenant().owner(),
                        () -> courses.create(new CourseInput("Onboarding", "", null, null, null, null, null, null)))
                .id();
        quiz = fixtures.as(
                        setup.tenant().owner(),
                        () -> courses.addLesson(
                                course,
                                new LessonInput("QUIZ", "Check", "", null, null, "1", "50", null, null, null),
                                null))
                .id();
        String courseBody = "{\"title\":\"Onboarding\",\"description\":\"First steps\"}";
        bodies.put("POST /api/v1/courses", courseBody);
        bodies.put("PUT /api/v1/courses/{id}", courseBody);
        bodies.put("POST /api/v1/courses/{id}/publish", null);
        bodies.put("POST /api/v1/courses/{id}/lessons", "{\"kind\":\"TEXT\",\"title\":\"Read\",\"body\":\"Read me\"}");
        bodies.put(
                "POST /api/v1/lessons/{id}/questions",
                "{\"text\":\"Which?\",\"choices\":[\"A\",\"B\"],\"correct\":[1]}");
        Certifications certifications = context.getBean(Certifications.class);
        certification = fixtures.as(
                        setup.tenant().owner(),
                        () -> certifications.create(
                                new CertificationInput("Certified seller", "", List.of(course.toString()), "12")))
                .id();
        UUID person = fixtures.as(setup.tenant().owner(), () -> certifications.people(member.id()))
                .getFirst()
                .id();
        certificate = fixtures.as(
                        setup.tenant().owner(),
                        () -> certifications.award(certification, member.id().value(), person, "Classroom", ""))
                .id();
        bodies.put(
                "POST /api/v1/certifications",
                "{\"name\":\"Certified seller\",\"description\":\"Sells\",\"courseIds\":[\"" + course
                        + "\"],\"validMonths\":12}");
        bodies.put(
                "POST /api/v1/certifications/{id}/certificates",
                "{\"partnerId\":\"" + member.id().value() + "\",\"personId\":\"" + person
                        + "\",\"reason\":\"Classroom\",\"earnedOn\":\""
                        + java.time.LocalDate.ofInstant(
                                        context.getBean(java.time.Clock.class).instant(), java.time.ZoneOffset.UTC)
                                .minusDays(30)
                        + "\"}");
        bodies.put("POST /api/v1/certificates/{id}/revoke", "{\"reason\":\"Left the company\"}");
        requirement = fixtures.as(
                        setup.tenant().owner(),
                        () -> context.getBean(Requirements.class)
                                .create(new RequirementInput(
                                        setup.program().id().toString(),
                                        certification.toString(),
                                        "1",
                                        "ASSET",
                                        null,
                                        contentAsset.toString())))
                .id();
        bodies.put(
                "POST /api/v1/requirements",
                "{\"programId\":\"" + setup.program().id() + "\",\"certificationId\":\"" + certification
                        + "\",\"minPeople\":2,\"subject\":\"DEAL_REGISTRATION\"}");
        bodies.put("DELETE /api/v1/requirements/{id}", null);
        bodies.put("PUT /api/v1/directory/entries/{id}", """
                {"description":"We implement Northwind","website":"bluebird.example","contactEmail":"hi@bluebird.example",
                 "services":["Implementation"],"industries":["Retail"],"regions":["EMEA"],"hidden":true,
                 "hiddenReason":"Under review"}""");
        funds(resellers, member);
        landingPages();
    }

    /** A landing page template to update; the same body creates another. */
    private void landingPages() {
        landingPageTemplate = fixtures.as(
                        setup.tenant().owner(),
                        () -> context.getBean(LandingPageTemplates.class)
                                .create(new TemplateInput("Joint", "With {{partner.name}}", List.of(), "Go")))
                .id();
        String template = """
                {"name":"Joint solution","headline":"{{partner.name}} and us","ctaLabel":"Talk to us",
                 "sections":[{"heading":"Who we are","body":"{{partner.text}}"}],"published":true}""";
        bodies.put("POST /api/v1/landing-pages/templates", template);
        bodies.put("PUT /api/v1/landing-pages/templates/{id}", template);
    }

    /** A budget allocated to the member, one request approved and claimed, another waiting. */
    private void funds(ProgramView resellers, DealFixtures.Member member) {
        DealFixtures deals = new DealFixtures(context);
        String today = java.time.LocalDate.ofInstant(
                        context.getBean(java.time.Clock.class).instant(), java.time.ZoneOffset.UTC)
                .toString();
        String budgetBody = "{\"programId\":\"" + resellers.id() + "\",\"name\":\"Q1\",\"startsOn\":\"" + today
                + "\",\"endsOn\":\"" + today + "\",\"currency\":\"EUR\",\"amount\":\"5000\","
                + "\"secondApprovalAbove\":\"4000\"}";
        budget = fixtures.as(
                        setup.tenant().owner(),
                        () -> context.getBean(Funds.class)
                                .create(new BudgetInput(
                                        resellers.id().toString(), "Q1", today, today, "EUR", "5000", "", "")))
                .id();
        allocation = fixtures.as(
                        setup.tenant().owner(),
                        () -> context.getBean(Funds.class)
                                .allocate(
                                        budget, new AllocationInput(member.id().toString(), null, "3000", null)))
                .id();
        FundRequests requests = context.getBean(FundRequests.class);
        FundRequestInput activity =
                new FundRequestInput(budget.toString(), "EVENT", "Roadshow", "", today, today, "500", "10");
        UUID claimed = deals.asPartner(member, () -> requests.submit(activity)).id();
        fundRequest = deals.asPartner(member, () -> requests.submit(activity)).id();
        fixtures.as(setup.tenant().owner(), () -> requests.approve(claimed, null));
        FundClaimView claim = deals.asPartner(
                member,
                () -> context.getBean(FundClaims.class)
                        .submit(
                                claimed,
                                List.of(new ClaimLineInput(
                                        "Venue",
                                        "500",
                                        dev.canopy.enablement.Upload.of(
                                                "venue.pdf", dev.canopy.enablement.SampleFiles.pdf("Venue"))))));
        fundClaim = claim.id();
        bodies.put("POST /api/v1/mdf/budgets", budgetBody);
        bodies.put(
                "POST /api/v1/mdf/budgets/{id}/allocations",
                "{\"tierId\":\"" + UUID.randomUUID() + "\",\"amount\":\"100\",\"accrualPercent\":\"5\"}");
        bodies.put("DELETE /api/v1/mdf/allocations/{id}", null);
        bodies.put("POST /api/v1/mdf/requests/{id}/approve", "{\"amount\":\"400\"}");
        bodies.put("POST /api/v1/mdf/requests/{id}/reject", "{\"reason\":\"Not this quarter\"}");
        bodies.put("POST /api/v1/mdf/requests/{id}/extend", "{\"claimDueOn\":\"" + today + "\"}");
        bodies.put("POST /api/v1/mdf/requests/{id}/deals", "{\"dealId\":\"" + deal.id() + "\"}");
        bodies.put("DELETE /api/v1/mdf/requests/{id}/deals/{dealId}", null);
        bodies.put(
                "POST /api/v1/mdf/claims/{id}/review",
                "{\"lines\":[{\"lineId\":\"" + claim.lines().getFirst().id() + "\",\"decision\":\"ACCEPTED\"}]}");
        announcement = fixtures.as(
                        setup.tenant().owner(),
                        () -> context.getBean(Announcements.class)
                                .create(new AnnouncementInput(
                                        "Price list",
                                        "New prices",
                                        false,
                                        null,
                                        null,
                                        "ALL",
                                        null,
                                        null,
                                        null,
                                        List.of("EMEA"),
                                        null)))
                .id();
        String announcementBody = """
                {"title":"Price list 2027","body":"New **prices**","pinned":true,"publishAt":"2027-01-01T09:00:00Z",
                 "expiresAt":"2027-03-01T09:00:00Z","segment":{"match":"ALL","regions":["EMEA"],"partnerTypes":["RESELLER"]}}""";
        bodies.put("POST /api/v1/announcements", announcementBody);
        bodies.put("PUT /api/v1/announcements/{id}", announcementBody);
        bodies.put("POST /api/v1/announcements/{id}/publish", null);
        bodies.put("POST /api/v1/announcements/{id}/archive", null);
        campaign = fixtures.as(
                        setup.tenant().owner(),
                        () -> context.getBean(dev.canopy.campaigns.Campaigns.class)
                                .create(dev.canopy.campaigns.CampaignFixtures.toProgram("Fuzzed news", resellers)))
                .id();
        String campaignBody = """
                {"name":"Spring news","subject":"News for {{partner.name}}","body":"Hello **{{user.name}}**",
                 "trigger":"SEGMENT","match":"ALL","programIds":["%s"],"partnerTypes":["RESELLER"],"regions":["EMEA"]}""".formatted(resellers.id());
        bodies.put("POST /api/v1/campaigns", campaignBody);
        bodies.put("PUT /api/v1/campaigns/{id}", campaignBody);
        bodies.put("POST /api/v1/campaigns/{id}/send", "{\"sendAt\":\"2099-01-01T09:00\"}");
        bodies.put("POST /api/v1/campaigns/{id}/activate", null);
        bodies.put("POST /api/v1/campaigns/{id}/stop", null);
        bodies.put(
                "POST /api/v1/campaigns/bounces",
                "{\"messageId\":\"<none@canopy.local>\",\"address\":\"a@b.example\"}");
        bodies.put("POST /api/v1/campaigns/unsubscribes", "{\"address\":\"leaver@partner.example\"}");
    }

    @Test
    void everyWriteOperationOfTheApiIsFuzzedHere() throws Exception {
        assertThat(operations())
                .as("write operations of /api/v1/openapi.json: give each new one a valid body above")
                .isEqualTo(new TreeSet<>(bodies.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> badInputToEveryWriteOperationIsAProblemAndChangesNothing() {
        return bodies.keySet().stream()
                .map(operation -> DynamicTest.dynamicTest(operation, () -> {
                    String method = operation.substring(0, operation.indexOf(' '));
                    String path = path(operation.substring(operation.indexOf(' ') + 1));
                    String body = bodies.get(operation);

                    String before = rows.digest(setup.tenant().id());
                    List<String> failures = new ArrayList<>();
                    for (Bad bad : bad(operation, path, body)) {
                        MockHttpServletResponse response =
                                send(HttpMethod.valueOf(method), bad.path() == null ? path : bad.path(), bad);
                        if (response.getStatus() < 400
                                || response.getStatus() >= 500
                                || !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
                            failures.add(bad.what + " → " + response.getStatus() + " " + response.getContentType() + " "
                                    + response.getContentAsString()
                                            .substring(
                                                    0,
                                                    Math.min(
                                                            200,
                                                            response.getContentAsString()
                                                                    .length())));
                        }
                    }
                    assertThat(failures).as(operation).isEmpty();
                    assertThat(rows.digest(setup.tenant().id()))
                            .as("rows changed by bad input to " + operation)
                            .isEqualTo(before);

                    for (Bad odd : body == null || body.equals(CSV) ? List.<Bad>of() : odd(body)) {
                        MockHttpServletResponse response = send(HttpMethod.valueOf(method), path, odd);
                        assertThat(response.getStatus())
                                .as(operation + " with " + odd.what)
                                .isLessThan(500);
                    }
                }));
    }

    @Test
    void theValidBodiesOfTheMoneyOperationsAreAccepted() throws Exception {
        // So that a refused amount above was refused for the amount alone.
        assertThat(send(HttpMethod.POST, "/api/v1/events/sale", json(bodies.get("POST /api/v1/events/sale")))
                        .getStatus())
                .isEqualTo(201);
        assertThat(send(
                                HttpMethod.POST,
                                path("/api/v1/deals/{id}/won"),
                                json(bodies.get("POST /api/v1/deals/{id}/won")))
                        .getStatus())
                .isEqualTo(200);
    }

    /** One request's body (or none) and path (null: the operation's), and what is wrong with them. */
    record Bad(String what, MediaType type, byte[] body, String path, String note) {

        Bad(String what, MediaType type, byte[] body) {
            this(what, type, body, null, null);
        }
    }

    private List<Bad> bad(String operation, String path, String body) throws Exception {
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("NUL in a query parameter", null, null, null, "a\u0000b"));
        if (operation.contains("{")) {
            bad.add(new Bad(
                    "an id that is no UUID", null, null, path.replaceFirst("[0-9a-f-]{36}", "not-a-uuid"), null));
        }
        if (body == null) {
            return bad;
        }
        if (body.equals(CSV)) {
            MediaType csv = new MediaType("text", "csv");
            bad.add(new Bad("CSV in invalid UTF-8", csv, invalidUtf8()));
            bad.add(new Bad("NUL in a CSV row", csv, bytes(CSV + "Glo\u0000bex,globex.com,PROSPECT\n")));
            bad.add(new Bad("an oversize CSV", csv, bytes(CSV + "x,y.com,CUSTOMER\n".repeat(80_000))));
            return bad;
        }
        bad.add(new Bad("broken JSON", MediaType.APPLICATION_JSON, bytes("{\"name\": ")));
        bad.add(new Bad("invalid UTF-8", MediaType.APPLICATION_JSON, invalidUtf8()));
        bad.add(new Bad(
                "an oversize body", MediaType.APPLICATION_JSON, bytes("{\"x\":\"" + "a".repeat(1_100_000) + "\"}")));
        ObjectNode valid = (ObjectNode) JSON.readTree(body);
        String first = valid.propertyNames().iterator().next();
        bad.add(new Bad(
                "a duplicate " + first,
                MediaType.APPLICATION_JSON,
                bytes(body.replaceFirst(
                        "\\{", "{\"" + first + "\":" + JSON.writeValueAsString(valid.get(first)) + ","))));
        for (String field : valid.propertyNames()) {
            if (!valid.get(field).isString()) {
                continue;
            }
            for (Map.Entry<String, String> text : Map.of(
                            "NUL", "a\u0000b",
                            "a bell", "a\u0007b",
                            "a C1 control", "a\u0085b",
                            "half a surrogate pair", SURROGATE,
                            "10,001 characters", "x".repeat(10_001))
                    .entrySet()) {
                bad.add(with(valid, field, text.getKey(), JSON.getNodeFactory().stringNode(text.getValue())));
            }
            bad.add(with(valid, field, "an object", JSON.readTree("{\"a\":1}")));
            if (AMOUNTS.contains(field)) {
                for (String amount : List.of(
                        "10.001", "0.0000001", "1e-400", "1e5", "NaN", "Infinity", "0x10", "99999999999999999999")) {
                    bad.add(with(valid, field, amount, JSON.getNodeFactory().stringNode(amount)));
                }
            }
            if (field.equals("currency")) {
                for (String currency : List.of("XTS", "XXX", "DEM", "US1")) {
                    bad.add(with(valid, field, currency, JSON.getNodeFactory().stringNode(currency)));
                }
            }
        }
        return bad;
    }

    /** Input that may be stored, but never answers 5xx. */
    private List<Bad> odd(String body) throws Exception {
        List<Bad> odd = new ArrayList<>();
        odd.add(new Bad("an empty object", MediaType.APPLICATION_JSON, bytes("{}")));
        if (body == null) {
            return odd;
        }
        ObjectNode valid = (ObjectNode) JSON.readTree(body);
        for (String field : valid.propertyNames()) {
            if (valid.get(field).isString()) {
                odd.add(with(
                        valid, field, "SQL", JSON.getNodeFactory().stringNode("x'); drop table partners_partner; --")));
                odd.add(with(valid, field, "HTML", JSON.getNodeFactory().stringNode("<script>alert(1)</script>")));
                odd.add(with(valid, field, "null", JSON.getNodeFactory().nullNode()));
            }
        }
        return odd;
    }

    private static Bad with(ObjectNode valid, String field, String what, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        copy.set(field, value);
        // Half a surrogate pair is sent as JSON escapes it; encoded as UTF-8 it would be a "?".
        return new Bad(
                what + " in " + field,
                MediaType.APPLICATION_JSON,
                bytes(copy.toString().replace(SURROGATE, "a\\ud800b")));
    }

    private static Bad json(String body) {
        return new Bad("valid", MediaType.APPLICATION_JSON, bytes(body));
    }

    private MockHttpServletResponse send(HttpMethod method, String path, Bad bad) throws Exception {
        var request = request(method, path).header("Authorization", "Bearer " + setup.apiKey());
        if (bad != null && bad.body() != null) {
            request.contentType(bad.type()).content(bad.body());
        }
        if (bad != null && bad.note() != null) {
            request.param("note", bad.note());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** The operation's path with real ids where the workspace has them, a random one elsewhere. */
    private String path(String template) {
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("/api/v1/programs/", setup.program().id());
        ids.put("/api/v1/links/", setup.link().id());
        ids.put("/api/v1/partners/", setup.partner().value());
        ids.put("/api/v1/deals/", deal.id());
        ids.put("/api/v1/webhook-endpoints/", webhookEndpoint);
        ids.put("/api/v1/content/", contentAsset);
        ids.put("/api/v1/courses/", course);
        ids.put("/api/v1/lessons/", quiz);
        ids.put("/api/v1/certifications/", certification);
        ids.put("/api/v1/certificates/", certificate);
        ids.put("/api/v1/requirements/", requirement);
        ids.put("/api/v1/directory/entries/", setup.partner().value());
        ids.put("/api/v1/mdf/budgets/", budget);
        ids.put("/api/v1/mdf/allocations/", allocation);
        ids.put("/api/v1/mdf/requests/", fundRequest);
        ids.put("/api/v1/mdf/claims/", fundClaim);
        ids.put("/api/v1/announcements/", announcement);
        ids.put("/api/v1/campaigns/", campaign);
        ids.put("/api/v1/landing-pages/templates/", landingPageTemplate);
        Object id = template.contains("{partnerId}")
                ? setup.partner().value()
                : ids.entrySet().stream()
                        .filter(prefix -> template.startsWith(prefix.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElseGet(UUID::randomUUID);
        return template.replaceAll("\\{[^}]+}", id.toString());
    }

    private Set<String> operations() throws Exception {
        JsonNode paths = JSON.readTree(mvc.perform(get("/api/v1/openapi.json"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("paths");
        Set<String> found = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                if (Set.of("post", "put", "patch", "delete").contains(method)) {
                    found.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
                }
            }
        }
        return found;
    }

    private static byte[] invalidUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("{\"name\":\"caf"));
        out.write(0xC3);
        out.write(0x28);
        out.writeBytes(bytes("\"}"));
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String programForm(String name) {
        return """
                {"name":"%s","slug":"%s","partnerTypes":["REFERRAL"],"valueProposition":"Earn on every customer",
                 "rewardType":"PERCENT","rewardRateMin":"10","rewardRateMax":"20","rewardBasis":"first-year contract value",
                 "currency":"USD","coMarketing":"Joint webinars","training":"Sales basics","attributionWindowDays":"90",
                 "holdPeriodDays":"30","reapplyAfterDays":"90","demotionGraceDays":"30","acceptingApplications":true}""".formatted(name, Fixtures.unique("p").toLowerCase(java.util.Locale.ROOT));
    }

    private static String link(String partner, String program) {
        return """
                {"partnerId":"%s","programId":"%s","slug":"%s","destination":"https://www.shop.example/pricing",
                 "utmSource":"partner","utmMedium":"referral"}""".formatted(partner, program, Fixtures.unique("l").toLowerCase(java.util.Locale.ROOT));
    }
}
