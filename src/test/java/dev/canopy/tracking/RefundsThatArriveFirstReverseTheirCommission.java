package dev.canopy.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.internal.StripeSignature;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * From the doors in, with pricing as it runs (after commit, on another thread): a refund sent before its
 * payment — through the events API or as Stripe's charge.refunded before invoice.paid — is kept, and when the
 * payment arrives the partner's 10 % is priced and the refunded part given back.
 */
@CanopyTest
class RefundsThatArriveFirstReverseTheirCommission {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient db;

    private TrackingFixtures tracking;
    private TrackingFixtures.Setup setup;

    @BeforeEach
    void setUp() {
        tracking = new TrackingFixtures(context);
        setup = tracking.setup();
        new CommissionFixtures(context).rule(setup.tenant(), setup.program(), CommissionFixtures.recurring("10"));
    }

    @Test
    void throughTheEventsApi() throws Exception {
        UUID click = tracking.click(mvc, setup);

        send("refund", """
                        {"id":"rf-1","invoiceId":"inv-early","amount":"400.00","currency":"EUR"}""").andExpect(jsonPath("$.outcome").value("WAITING"));
        send("sale", """
                        {"id":"sl-1","email":"ann@acme.example","clickId":"%s","invoiceId":"inv-early",
                         "amount":"1000.00","currency":"EUR"}""".formatted(click)).andExpect(status().isCreated());

        // 10 % of 1,000.00 EUR = 100.00, less 10 % of the 400.00 refunded first = 40.00.
        awaitCommissions("100.00", "-40.00");
    }

    @Test
    void throughStripeWithTheRefundBeforeTheInvoice() throws Exception {
        String secret = tracking.stripeSecret(setup.tenant());
        UUID click = tracking.click(mvc, setup);
        long now = clock.instant().getEpochSecond();

        stripe(secret, """
                {"id":"evt_r1","type":"checkout.session.completed","created":%d,"data":{"object":{
                  "id":"cs_r","customer":"cus_r","client_reference_id":"%s","customer_details":{"email":"bo@acme.example"}}}}
                """.formatted(now, click))
                .andExpect(jsonPath("$.outcome").value("ATTRIBUTED"));
        stripe(secret, """
                {"id":"evt_r2","type":"charge.refunded","created":%d,"data":{"object":{"id":"ch_r","invoice":"in_r",
                  "customer":"cus_r","amount":50000,"amount_refunded":20000,"currency":"eur"}}}
                """.formatted(now)).andExpect(jsonPath("$.outcome").value("WAITING"));
        stripe(secret, """
                {"id":"evt_r3","type":"invoice.paid","created":%d,"data":{"object":{"id":"in_r","customer":"cus_r",
                  "customer_email":"bo@acme.example","amount_paid":50000,"currency":"eur",
                  "billing_reason":"subscription_create","subscription":"sub_r"}}}
                """.formatted(now)).andExpect(status().isOk());

        // 10 % of 500.00 EUR = 50.00, less 10 % of the 200.00 refunded first = 20.00.
        awaitCommissions("50.00", "-20.00");
    }

    private void awaitCommissions(String... amounts) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(db.sql("""
                                        select amount from commissions_commission
                                        where workspace_id = ? and partner_id = ? order by amount desc
                                        """)
                                .params(
                                        setup.tenant().id().value(),
                                        setup.partner().value())
                                .query(BigDecimal.class)
                                .list())
                        .usingElementComparator(BigDecimal::compareTo)
                        .containsExactlyElementsOf(
                                List.of(amounts).stream().map(BigDecimal::new).toList()));
    }

    private ResultActions send(String kind, String body) throws Exception {
        return mvc.perform(post("/api/v1/events/" + kind)
                .header("Authorization", "Bearer " + setup.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions stripe(String secret, String event) throws Exception {
        return mvc.perform(post("/t/" + setup.tenant().slug() + "/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        "Stripe-Signature",
                        StripeSignature.sign(event.getBytes(StandardCharsets.UTF_8), secret, clock.instant()))
                .content(event));
    }
}
