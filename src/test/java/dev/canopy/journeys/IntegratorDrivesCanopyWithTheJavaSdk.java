package dev.canopy.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import canopy.client.ApiClient;
import canopy.client.ApiException;
import canopy.client.api.CommissionsApi;
import canopy.client.api.EventsApi;
import canopy.client.api.LinksApi;
import canopy.client.api.PartnersApi;
import canopy.client.api.ProgrammesApi;
import canopy.client.model.CommissionResponse;
import canopy.client.model.EnrolmentRequest;
import canopy.client.model.EventInput;
import canopy.client.model.IntakeOutcome;
import canopy.client.model.LinkDraft;
import canopy.client.model.LinkResponse;
import canopy.client.model.NewPartnerRequest;
import canopy.client.model.PartnerList;
import canopy.client.model.PartnerResponse;
import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.testing.CanopyServerTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.TrackingFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an integrator does with the Java SDK the build generates from docs/api/openapi.json, against a started
 * Canopy: page through partners, create some, enrol one, make its link, send a visitor through it, report the
 * lead and the sale (retried with the same Idempotency-Key), read the 10 % commission, and read a typed error.
 */
@CanopyServerTest
class IntegratorDrivesCanopyWithTheJavaSdk {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private TrackingFixtures.Setup setup;
    private ApiClient client;

    @BeforeEach
    void aWorkspaceWithAProgrammeThatPaysTenPercent() {
        setup = new TrackingFixtures(context).setup();
        new CommissionFixtures(context).rule(setup.tenant(), setup.program(), CommissionFixtures.recurring("10"));
        client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + setup.apiKey()));
    }

    @Test
    void fromPartnersToAPaidForSaleAndBack() throws Exception {
        PartnersApi partners = new PartnersApi(client);
        List<UUID> created = new ArrayList<>();
        for (String name : List.of("Acme", "Globex", "Initech")) {
            PartnerResponse partner = partners.createPartner(
                    new NewPartnerRequest()
                            .name(name + " " + Fixtures.unique("sdk"))
                            .contactName("Pat Lee")
                            .contactEmail(Fixtures.uniqueEmail("pat")),
                    null);
            assertThat(partner.getStatus()).isNotNull();
            created.add(UUID.fromString(partner.getId()));
        }

        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        do {
            PartnerList page = partners.listPartners(null, null, null, null, false, null, cursor, 2);
            assertThat(page.getData()).hasSizeLessThanOrEqualTo(2);
            page.getData().forEach(p -> seen.add(UUID.fromString(p.getId())));
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertThat(seen).containsAll(created).doesNotHaveDuplicates();

        UUID acme = created.getFirst();
        UUID programme = setup.program().id().value();
        new ProgrammesApi(client).enrolPartner(programme, new EnrolmentRequest().partnerId(acme.toString()), null);
        LinkResponse link = new LinksApi(client)
                .createLink(
                        new LinkDraft()
                                .partnerId(acme.toString())
                                .programId(programme.toString())
                                .destination("https://www." + TrackingFixtures.SHOP + "/pricing"),
                        null);

        String clickId = visit(link.getUrl());
        EventsApi events = new EventsApi(client);
        assertThat(new EventsApi(client)
                        .recordLead(
                                new EventInput()
                                        .id("ref-lead-" + clickId)
                                        .email("reader@globex.example")
                                        .partnerRef(link.getPartnerRef()),
                                null)
                        .getPartnerId())
                .as("the link's partnerRef names its partner to the events API")
                .isEqualTo(acme);
        assertThat(partners.getPartner(acme).getRef())
                .as("the partner shows the same ref")
                .isEqualTo(link.getPartnerRef());
        IntakeOutcome lead = events.recordLead(
                new EventInput()
                        .id("lead-" + clickId)
                        .email("buyer@initech.example")
                        .clickId(clickId),
                null);
        assertThat(lead.getPartnerId()).isEqualTo(acme);

        EventInput sale = new EventInput()
                .id("sale-" + clickId)
                .email("buyer@initech.example")
                .invoiceId("in_" + clickId)
                .amount("200.00")
                .currency("EUR");
        IntakeOutcome first = events.recordSale(sale, "sale-key-" + clickId);
        IntakeOutcome retried = events.recordSale(sale, "sale-key-" + clickId);
        assertThat(retried).isEqualTo(first);
        assertThat(first.getPartnerId()).isEqualTo(acme);

        CommissionsApi commissions = new CommissionsApi(client);
        List<CommissionResponse> earned = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> commissions
                                .listCommissions(null, acme, null, null, null)
                                .getData(),
                        list -> !list.isEmpty());
        assertThat(earned).singleElement().satisfies(commission -> {
            assertThat(commission.getAmount()).isEqualTo("20.00");
            assertThat(commission.getCurrency()).isEqualTo("EUR");
        });
    }

    @Test
    void anErrorIsATypedProblemNamingTheField() {
        ApiException refused = catchThrowableOfType(
                ApiException.class,
                () -> new PartnersApi(client)
                        .createPartner(
                                new NewPartnerRequest()
                                        .name(" ")
                                        .contactName("Pat Lee")
                                        .contactEmail(Fixtures.uniqueEmail("pat")),
                                null));
        assertThat(refused.getCode()).isEqualTo(400);
        JsonNode problem = JsonMapper.builder().build().readTree(refused.getResponseBody());
        assertThat(problem.path("type").asString()).isEqualTo("urn:canopy:problem:invalid-input");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(problem.path("instance").asString())
                .isEqualTo(refused.getResponseHeaders().firstValue("Request-Id").orElseThrow());
    }

    /** A visitor follows the partner's link; the redirect carries the click id the snippet would keep. */
    private String visit(String url) throws Exception {
        HttpResponse<Void> redirect = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("User-Agent", "Mozilla/5.0 (Macintosh) Safari/605.1 " + UUID.randomUUID())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        Matcher click = Pattern.compile("cnp_click=([0-9a-f-]{36})")
                .matcher(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(click.find()).isTrue();
        return click.group(1);
    }
}
