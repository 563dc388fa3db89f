package dev.canopy.tracking;

import static dev.canopy.testing.Fixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.canopy.partners.PartnerId;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@CanopyTest
@RecordApplicationEvents
class EventsApiAttributesLeadsSalesAndRefunds {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationEvents events;

    private TrackingFixtures tracking;
    private TrackingFixtures.Setup setup;

    @AfterEach
    void timeGoesBackToNormal() {
        clock.reset();
    }

    @BeforeEach
    void setUp() {
        tracking = new TrackingFixtures(context);
        setup = tracking.setup();
    }

    @Test
    void aLeadWithAClickIdIsAttributedToTheLinksPartnerWithItsEvidence() throws Exception {
        UUID click = tracking.click(mvc, setup);

        send("lead", """
                        {"id":"lead-1","email":"Ann@Acme.example","clickId":"%s"}""".formatted(click))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("ATTRIBUTED"))
                .andExpect(jsonPath("$.partnerId").value(setup.partner().value().toString()))
                .andExpect(jsonPath("$.signal").value("CLICK"))
                .andExpect(jsonPath("$.clickId").value(click.toString()))
                .andExpect(jsonPath("$.explanation").value("Attributed by link click"));
        send("lead", """
                        {"id":"lead-1","email":"Ann@Acme.example","clickId":"%s"}""".formatted(click))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.outcome").value("ATTRIBUTED"));

        assertThat(tracking.rows("tracking_customer", setup.tenant())).isEqualTo(1);
        assertThat(tracking.rows("tracking_conversion", setup.tenant())).isEqualTo(1);
    }

    @Test
    void aClickOlderThanTheProgrammesWindowDoesNotAttribute() throws Exception {
        UUID click = tracking.click(mvc, setup);
        clock.advance(Duration.ofDays(91));
        try {
            send("sale", """
                            {"id":"s-1","customerExternalId":"c-1","clickId":"%s","invoiceId":"inv-1","amount":"100","currency":"EUR"}""".formatted(click))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.outcome").value("UNATTRIBUTED"))
                    .andExpect(jsonPath("$.explanation")
                            .value(org.hamcrest.Matchers.containsString("outside the programme's 90-day")));
        } finally {
            clock.advance(Duration.ofDays(-91));
        }
    }

    @Test
    void aCustomerStaysWithItsFirstPartnerUnlessTheProgrammeAllowsTakeover() throws Exception {
        UUID first = tracking.click(mvc, setup);
        PartnerId rival = tracking.partner(setup.tenant(), setup.program(), "Rival " + Fixtures.unique("r"));
        LinkView rivalLink = tracking.link(setup.tenant(), rival, setup.program(), "https://shop.example/");
        UUID second = tracking.click(
                mvc, new TrackingFixtures.Setup(setup.tenant(), setup.program(), rival, rivalLink, setup.apiKey()));

        send("lead", """
                        {"id":"l-1","customerExternalId":"c-7","clickId":"%s"}""".formatted(first)).andExpect(jsonPath("$.outcome").value("ATTRIBUTED"));
        clock.advance(Duration.ofMinutes(1));
        send("sale", """
                        {"id":"s-7","customerExternalId":"c-7","clickId":"%s","invoiceId":"i-7","amount":"10","currency":"EUR"}""".formatted(second))
                .andExpect(jsonPath("$.outcome").value("KEPT"))
                .andExpect(jsonPath("$.partnerId").value(setup.partner().value().toString()));

        fixtures.as(
                setup.tenant().owner(),
                () -> context.getBean(TrackingSettings.class)
                        .setAttribution(setup.program().id(), false, true));
        send("sale", """
                        {"id":"s-8","customerExternalId":"c-7","clickId":"%s","invoiceId":"i-8","amount":"10","currency":"EUR"}""".formatted(second)).andExpect(jsonPath("$.outcome").value("KEPT"));
        UUID third = tracking.click(
                mvc, new TrackingFixtures.Setup(setup.tenant(), setup.program(), rival, rivalLink, setup.apiKey()));
        send("sale", """
                        {"id":"s-9","customerExternalId":"c-7","clickId":"%s","invoiceId":"i-9","amount":"10","currency":"EUR"}""".formatted(third))
                .andExpect(jsonPath("$.outcome").value("TAKEN_OVER"))
                .andExpect(jsonPath("$.partnerId").value(rival.value().toString()));
    }

    @Test
    void underFirstClickTheVisitorsFirstClickInTheWindowWinsOverTheOneItReports() throws Exception {
        PartnerId rival = tracking.partner(setup.tenant(), setup.program(), "Rival " + Fixtures.unique("r"));
        LinkView rivalLink = tracking.link(setup.tenant(), rival, setup.program(), "https://shop.example/");
        fixtures.as(
                setup.tenant().owner(),
                () -> context.getBean(TrackingSettings.class)
                        .setAttribution(setup.program().id(), true, false));
        String sameVisitor = "Mozilla/5.0 (Windows NT 10.0) Firefox/145.0 " + UUID.randomUUID();
        UUID first = clickAs(setup.link(), sameVisitor);
        clock.advance(Duration.ofDays(3));
        UUID last = clickAs(rivalLink, sameVisitor);

        send("lead", """
                        {"id":"fc-1","customerExternalId":"fc","clickId":"%s"}""".formatted(last))
                .andExpect(jsonPath("$.outcome").value("ATTRIBUTED"))
                .andExpect(jsonPath("$.clickId").value(first.toString()))
                .andExpect(jsonPath("$.partnerId").value(setup.partner().value().toString()));
    }

    private UUID clickAs(LinkView link, String agent) throws Exception {
        String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/r/" + setup.tenant().slug() + "/" + link.slug())
                        .header("User-Agent", agent))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        UUID click = UUID.fromString(location.replaceFirst(".*[?&]cnp_click=([^&#]+).*", "$1"));
        tracking.awaitStored(click);
        return click;
    }

    @Test
    void aCouponAttributesAndAPartnerRefToo() throws Exception {
        fixtures.as(
                setup.tenant().owner(),
                () -> context.getBean(TrackingSettings.class)
                        .addCoupon(
                                "bluebird20",
                                setup.partner().value().toString(),
                                setup.program().id().value().toString()));
        send("sale", """
                        {"id":"c-1","email":"x@y.example","couponCode":"BlueBird20","invoiceId":"i-1","amount":"49.90","currency":"usd"}""")
                .andExpect(jsonPath("$.outcome").value("ATTRIBUTED"))
                .andExpect(jsonPath("$.signal").value("COUPON"))
                .andExpect(jsonPath("$.couponCode").value("BLUEBIRD20"));
        String ref = refOfSetup();
        send("lead", """
                        {"id":"r-1","email":"z@q.example","partnerRef":"%s"}""".formatted(ref))
                .andExpect(jsonPath("$.signal").value("REF"))
                .andExpect(jsonPath("$.partnerId").value(setup.partner().value().toString()));
    }

    @Test
    void badInputNamesEachFieldAndStoresNothing() throws Exception {
        send("sale", """
                        {"email":"not-an-email","amount":"-5","currency":"XYZ","occurredAt":"yesterday"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "id", "email", "customerExternalId", "invoiceId", "amount", "currency", "occurredAt")));
        send("refund", """
                        {"id":"r","invoiceId":"i","amount":"0","currency":"EUR"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        send("lead", "[1,2").andExpect(status().isBadRequest());

        assertThat(tracking.rows("tracking_event", setup.tenant())).isZero();
        assertThat(tracking.rows("tracking_customer", setup.tenant())).isZero();
    }

    @Test
    void aSaleFromIndiaGivesTheCustomerItsCountryAndTheCommissionEngineSeesIt() throws Exception {
        UUID click = tracking.click(mvc, setup);

        send("lead", """
                        {"id":"in-1","customerExternalId":"c-in","clickId":"%s"}""".formatted(click)).andExpect(jsonPath("$.outcome").value("ATTRIBUTED"));
        String customer = JsonPath.read(
                send("sale", """
                                {"id":"in-2","customerExternalId":"c-in","country":"in","invoiceId":"in-i1","amount":"100","currency":"INR"}""")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.customerId");
        send("sale", """
                        {"id":"in-3","customerExternalId":"c-in","country":"US","invoiceId":"in-i2","amount":"100","currency":"INR"}""").andExpect(status().isCreated());

        // a customer without a country takes the first one reported, and keeps it
        assertThat(events.stream(ConversionAttributed.class)
                        .filter(e -> e.workspace().equals(setup.tenant().id())))
                .extracting(ConversionAttributed::kind, ConversionAttributed::country)
                .containsExactly(
                        tuple(ConversionKind.LEAD, null),
                        tuple(ConversionKind.SALE, "IN"),
                        tuple(ConversionKind.SALE, "IN"));
        mvc.perform(get("/api/v1/customers").param("q", "c-in").header("Authorization", "Bearer " + setup.apiKey()))
                .andExpect(jsonPath("$.data[0].country").value("IN"));
        mvc.perform(get("/app/customers/{id}", customer)
                        .with(signedIn(setup.tenant().owner())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"country\">IN<")));
    }

    @Test
    void theEventLogShowsEachEventsAmountAndCustomer() throws Exception {
        send("lead", """
                        {"id":"log-1","customerExternalId":"c-log","email":"lena@log.example"}""").andExpect(status().isCreated());
        send("sale", """
                        {"id":"log-2","customerExternalId":"c-log","invoiceId":"log-i1","amount":"1234.5","currency":"USD"}""").andExpect(status().isCreated());

        mvc.perform(get("/app/events").with(signedIn(setup.tenant().owner())))
                .andExpect(status().isOk())
                // in the rows themselves, not only in the payloads shown beneath them
                .andExpect(content().string(org.hamcrest.Matchers.containsString(">1,234.50 USD<")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(">lena@log.example<")));
    }

    @Test
    void aCountryThatIsNoIsoCodeIsRefusedByNameAndNothingIsStored() throws Exception {
        for (String country : new String[] {"India", "XX"}) {
            send("sale", """
                            {"id":"bad-country","customerExternalId":"c-x","country":"%s","invoiceId":"i-x","amount":"10","currency":"EUR"}""".formatted(country))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("country")));
        }

        assertThat(tracking.rows("tracking_event", setup.tenant())).isZero();
        assertThat(tracking.rows("tracking_customer", setup.tenant())).isZero();
    }

    @Test
    void aReadOnlyKeyCannotSendEvents() throws Exception {
        String readOnly = fixtures.apiKey(setup.tenant(), dev.canopy.identity.ApiKeyScope.READ);
        mvc.perform(post("/api/v1/events/lead")
                        .header("Authorization", "Bearer " + readOnly)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"x\",\"email\":\"a@b.example\"}"))
                .andExpect(status().isForbidden());
        assertThat(tracking.rows("tracking_event", setup.tenant())).isZero();
    }

    private String refOfSetup() {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select ref from tracking_partner_ref where partner_id = ?")
                .param(setup.partner().value())
                .query(String.class)
                .single();
    }

    @Test
    void aRefundBeyondItsInvoiceSaysSoAndOneInAnotherCurrencyIsRefusedOrKeptWithTheReason() throws Exception {
        send("sale", """
                        {"id":"ov-1","customerExternalId":"c-ov","invoiceId":"ov-i1","amount":"6000.00","currency":"USD"}""").andExpect(status().isCreated());
        send("refund", """
                        {"id":"ov-2","invoiceId":"ov-i1","amount":"1800.00","currency":"USD"}""")
                .andExpect(jsonPath("$.outcome").value("REFUNDED"))
                .andExpect(jsonPath("$.explanation")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("exceeds"))));
        send("refund", """
                        {"id":"ov-3","invoiceId":"ov-i1","amount":"6000.00","currency":"USD"}""")
                .andExpect(jsonPath("$.outcome").value("REFUNDED"))
                .andExpect(jsonPath("$.explanation")
                        .value(org.hamcrest.Matchers.containsString(
                                "exceeds what was left of the invoice (4200.00 USD of 6000.00 USD)")));

        send("refund", """
                        {"id":"ov-4","invoiceId":"ov-i1","amount":"10.00","currency":"EUR"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currency"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("paid in USD")));

        // Sent before its sale, it is kept; the sale's answer says it was not applied, and why.
        send("refund", """
                        {"id":"ov-5","invoiceId":"ov-i2","amount":"10.00","currency":"EUR"}""").andExpect(jsonPath("$.outcome").value("WAITING"));
        send("sale", """
                        {"id":"ov-6","customerExternalId":"c-ov","invoiceId":"ov-i2","amount":"100.00","currency":"USD"}""")
                .andExpect(
                        jsonPath("$.explanation")
                                .value(
                                        org.hamcrest.Matchers.containsString(
                                                "refund of 10.00 EUR kept for this invoice is in another currency and was not applied")));
    }

    private ResultActions send(String kind, String body) throws Exception {
        return mvc.perform(post("/api/v1/events/" + kind)
                .header("Authorization", "Bearer " + setup.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
