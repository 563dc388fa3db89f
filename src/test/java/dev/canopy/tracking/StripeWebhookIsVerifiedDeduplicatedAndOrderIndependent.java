package dev.canopy.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.internal.StripeSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@CanopyTest
class StripeWebhookIsVerifiedDeduplicatedAndOrderIndependent {

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
    private String secret;

    @BeforeEach
    void setUp() {
        tracking = new TrackingFixtures(context);
        setup = tracking.setup();
        secret = tracking.stripeSecret(setup.tenant());
    }

    @Test
    void aHundredConcurrentDeliveriesOfOneInvoiceMakeOneSale() throws Exception {
        String event = invoicePaid("evt_1", "in_1", "cus_1", 120000);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            deliveries.add(() -> deliver(event, secret, clock.instant())
                    .andReturn()
                    .getResponse()
                    .getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(deliveries)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200);
        assertThat(count("select count(*) from tracking_conversion where workspace_id = ? and kind = 'SALE'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from tracking_event where workspace_id = ?"))
                .isEqualTo(1);
    }

    @Test
    void aRefundBeforeItsPaymentEndsInTheSameStateAsInOrder() throws Exception {
        TrackingFixtures.Setup other = tracking.setup();
        String otherSecret = tracking.stripeSecret(other.tenant());

        // in order, in one workspace
        deliver(invoicePaid("evt_a1", "in_9", "cus_9", 50000), secret, clock.instant());
        deliver(chargeRefunded("evt_a2", "ch_9", "in_9", "cus_9", 20000), secret, clock.instant());
        deliver(chargeRefunded("evt_a3", "ch_9", "in_9", "cus_9", 30000), secret, clock.instant());
        // reversed (and the partial refunds reversed too), in another
        String slug = other.tenant().slug();
        deliverTo(slug, chargeRefunded("evt_b3", "ch_9", "in_9", "cus_9", 30000), otherSecret, clock.instant())
                .andExpect(jsonPath("$.outcome").value("WAITING"));
        deliverTo(slug, chargeRefunded("evt_b2", "ch_9", "in_9", "cus_9", 20000), otherSecret, clock.instant())
                .andExpect(jsonPath("$.outcome").value("IGNORED"));
        deliverTo(slug, invoicePaid("evt_b1", "in_9", "cus_9", 50000), otherSecret, clock.instant());

        assertThat(state(other))
                .isEqualTo(state(setup))
                .isEqualTo(List.of("SALE 500.00 EUR true true", "REFUND 300.00 EUR true true"));
    }

    @Test
    void badSignaturesStaleTimestampsAndUnknownWorkspacesAreRefusedAndNothingIsStored() throws Exception {
        String event = invoicePaid("evt_bad", "in_bad", "cus_bad", 1000);
        // Signatures carry whole seconds: start early in a second, so the server's clock reads the same one.
        while (clock.millis() % 1000 > 400) {
            Thread.sleep(10);
        }
        Instant now = clock.instant();

        deliver(event, "whsec_someoneelse0000000000", now).andExpect(status().isBadRequest());
        deliver(event, secret, now.minusSeconds(301)).andExpect(status().isBadRequest());
        deliver(event, secret, now.plusSeconds(301)).andExpect(status().isBadRequest());
        mvc.perform(post("/t/" + setup.tenant().slug() + "/stripe")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(event))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/t/" + setup.tenant().slug() + "/stripe")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Stripe-Signature", StripeSignature.sign(bytes(event), secret, now))
                        .content(event + " "))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/t/no-such-workspace/stripe")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Stripe-Signature", StripeSignature.sign(bytes(event), secret, now))
                        .content(event))
                .andExpect(status().isNotFound());

        assertThat(count("select count(*) from tracking_event where workspace_id = ?"))
                .isZero();
        assertThat(count("select count(*) from tracking_customer where workspace_id = ?"))
                .isZero();
        // within the tolerance, and with a rotated-in second secret, it is accepted
        String rotated = tracking.stripeSecret(setup.tenant());
        deliver(event, rotated, now.minusSeconds(299)).andExpect(status().isOk());
        assertThat(count("select count(*) from tracking_event where workspace_id = ?"))
                .isEqualTo(1);
    }

    @Test
    void checkoutWithTheClickIdAttributesTheCustomerAndItsInvoicesAndChurnFollow() throws Exception {
        java.util.UUID click = tracking.click(mvc, setup);
        String checkout = """
                {"id":"evt_c1","type":"checkout.session.completed","created":%d,"data":{"object":{
                  "id":"cs_1","customer":"cus_c","client_reference_id":"%s","customer_details":{"email":"ann@acme.example","name":"Ann"}}}}
                """.formatted(clock.instant().getEpochSecond(), click);

        deliver(checkout, secret, clock.instant())
                .andExpect(jsonPath("$.outcome").value("ATTRIBUTED"));
        deliver(invoicePaid("evt_c2", "in_c", "cus_c", 99900), secret, clock.instant())
                .andExpect(jsonPath("$.outcome").value("KEPT"));
        deliver("""
                {"id":"evt_c3","type":"customer.subscription.deleted","created":%d,"data":{"object":{"id":"sub_1","customer":"cus_c"}}}
                """.formatted(clock.instant().getEpochSecond()), secret, clock.instant())
                .andExpect(jsonPath("$.outcome").value("CHURNED"));
        deliver("""
                {"id":"evt_c4","type":"payment_intent.created","created":1,"data":{"object":{"id":"pi_1"}}}
                """, secret, clock.instant()).andExpect(jsonPath("$.outcome").value("IGNORED"));

        Map<String, Object> customer = db.sql(
                        "select partner_id, status from tracking_customer where workspace_id = ? and external_id = 'cus_c'")
                .param(setup.tenant().id().value())
                .query()
                .singleRow();
        assertThat(customer)
                .containsEntry("partner_id", setup.partner().value())
                .containsEntry("status", "CHURNED");
        assertThat(db.sql("select partner_id from tracking_conversion where workspace_id = ? and kind = 'SALE'")
                        .param(setup.tenant().id().value())
                        .query(java.util.UUID.class)
                        .single())
                .isEqualTo(setup.partner().value());
    }

    @Test
    void anEventDatedDaysAheadOrDecadesBackIsRefusedAsTheEventsApiRefusesIt() throws Exception {
        for (java.time.Instant created :
                List.of(clock.instant().plus(java.time.Duration.ofDays(89)), java.time.Instant.ofEpochSecond(0))) {
            deliver(
                            invoicePaid("evt_t" + created.getEpochSecond(), "in_t", "cus_t", 5000, created),
                            secret,
                            clock.instant())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("created: Cannot be more")));
        }
        mvc.perform(post("/api/v1/events/sale")
                        .header("Authorization", "Bearer " + setup.apiKey())
                        .contentType("application/json")
                        .content("""
                                {"id":"t-1","customerExternalId":"c-t","invoiceId":"i-t","amount":"10","currency":"USD",
                                 "occurredAt":"%s"}""".formatted(clock.instant().minus(java.time.Duration.ofDays(3 * 366 + 1)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("occurredAt"));
        assertThat(count("select count(*) from tracking_event where workspace_id = ?"))
                .isZero();
    }

    @Test
    void theCustomersCountryComesFromTheAddressStripeHolds() throws Exception {
        deliver("""
                {"id":"evt_k1","type":"checkout.session.completed","created":%d,"data":{"object":{
                  "id":"cs_k","customer":"cus_k","customer_details":{"email":"kiran@acme.example","address":{"country":"IN"}}}}}
                """.formatted(clock.instant().getEpochSecond()), secret, clock.instant())
                .andExpect(status().isOk());
        deliver("""
                {"id":"evt_k2","type":"invoice.paid","created":%d,"data":{"object":{"id":"in_k","customer":"cus_de",
                  "customer_address":{"country":"de"},"amount_paid":1000,"currency":"eur"}}}
                """.formatted(clock.instant().getEpochSecond()), secret, clock.instant())
                .andExpect(status().isOk());

        assertThat(db.sql("select external_id || ' ' || country from tracking_customer where workspace_id = ?"
                                + " order by external_id")
                        .param(setup.tenant().id().value())
                        .query(String.class)
                        .list())
                .containsExactly("cus_de DE", "cus_k IN");
        assertThat(db.sql("select country from tracking_conversion where workspace_id = ? and kind = 'SALE'")
                        .param(setup.tenant().id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("DE");
    }

    private List<String> state(TrackingFixtures.Setup of) {
        return db.sql("""
                        select kind || ' ' || sum(amount)::numeric(19,2) || ' ' || currency || ' ' || bool_and(applied)
                          || ' ' || bool_and(partner_id is not distinct from (select partner_id from tracking_customer c
                                                                               where c.id = customer_id))
                        from tracking_conversion where workspace_id = ? group by kind, currency order by kind desc
                        """).param(of.tenant().id().value()).query(String.class).list();
    }

    private long count(String sql) {
        return db.sql(sql).param(setup.tenant().id().value()).query(Long.class).single();
    }

    private ResultActions deliver(String event, String signingSecret, Instant signedAt) throws Exception {
        return deliverTo(setup.tenant().slug(), event, signingSecret, signedAt);
    }

    private ResultActions deliverTo(String slug, String event, String signingSecret, Instant signedAt)
            throws Exception {
        return mvc.perform(post("/t/" + slug + "/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", StripeSignature.sign(bytes(event), signingSecret, signedAt))
                .content(event));
    }

    private String invoicePaid(String id, String invoice, String customer, long cents) {
        return invoicePaid(id, invoice, customer, cents, clock.instant());
    }

    private String invoicePaid(String id, String invoice, String customer, long cents, Instant created) {
        return """
                {"id":"%s","type":"invoice.paid","created":%d,"data":{"object":{"id":"%s","customer":"%s",
                  "customer_email":"buyer@%s.example","amount_paid":%d,"currency":"eur","billing_reason":"subscription_create",
                  "subscription":"sub_1","lines":{"data":[{"price":{"product":"prod_pro"}}]}}}}
                """.formatted(id, created.getEpochSecond(), invoice, customer, customer, cents);
    }

    private String chargeRefunded(String id, String charge, String invoice, String customer, long refundedTotal) {
        return """
                {"id":"%s","type":"charge.refunded","created":%d,"data":{"object":{"id":"%s","invoice":"%s","customer":"%s",
                  "amount":50000,"amount_refunded":%d,"currency":"eur"}}}
                """.formatted(id, clock.instant().getEpochSecond(), charge, invoice, customer, refundedTotal);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
