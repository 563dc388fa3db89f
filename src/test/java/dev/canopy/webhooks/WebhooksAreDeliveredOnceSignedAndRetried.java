package dev.canopy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.TierChanged;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import dev.canopy.tracking.TrackingFixtures;
import dev.canopy.webhooks.internal.DeliveryLogRetention;
import dev.canopy.webhooks.internal.DeliveryTable;
import dev.canopy.webhooks.internal.Dispatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound webhooks end to end, against a receiver on this machine and with a moving clock: what commits is sent
 * once, signed; what rolls back never is; failures follow Svix's schedule; 410 and five failing days disable the
 * endpoint and mail the owner; two senders never send one attempt twice; a sender that dies leaves its claim to
 * another; private addresses are refused.
 */
@CanopyTest
class WebhooksAreDeliveredOnceSignedAndRetried {

    private static final Instant START = Instant.parse("2026-11-18T10:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    DeliveryTable deliveries;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient db;

    @Autowired
    JsonMapper json;

    @Autowired
    MailSink mail;

    @Autowired
    DeliveryLogRetention retention;

    private final Receiver receiver = new Receiver();
    private Fixtures.Tenant tenant;
    private String key;

    @BeforeEach
    void aWorkspaceWithAKeyAndAReceiver() {
        clock.setTo(START);
        tenant = fixtures.newWorkspace();
        key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
    }

    @AfterEach
    void stop() {
        receiver.close();
        clock.reset();
    }

    @Test
    void aCommittedEventIsSentOnceSignedAndARolledBackOneNever() throws Exception {
        JsonNode created = endpoint(receiver.url(), "tier.changed");
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("whsec_");

        transactions.executeWithoutResult(s -> events.publishEvent(tierChanged("Gold")));
        transactions.executeWithoutResult(s -> {
            events.publishEvent(tierChanged("Platinum"));
            s.setRollbackOnly();
        });
        deliverAll();

        assertThat(receiver.received()).hasSize(1);
        Receiver.Received got = receiver.received().getFirst();
        JsonNode body = json.readTree(got.body());
        assertThat(body.get("type").asString()).isEqualTo("tier.changed");
        assertThat(Instant.parse(body.get("timestamp").asString())).isBetween(START, START.plusSeconds(60));
        assertThat(body.get("data").get("toTier").asString()).isEqualTo("Gold");
        assertThat(body.get("data").get("workspace").asString())
                .isEqualTo(tenant.id().value().toString());
        assertThat(got.header("webhook-id")).startsWith("msg_");
        assertThat(Long.parseLong(got.header("webhook-timestamp")))
                .isBetween(START.getEpochSecond(), START.getEpochSecond() + 60);
        assertThat(got.header("webhook-signature")).isEqualTo(signature(secret, got));
        JsonNode log = api(get(
                "/api/v1/webhook-endpoints/" + created.get("endpoint").get("id").asString() + "/deliveries"));
        assertThat(log.get("data")).hasSize(1);
        assertThat(log.get("data").get(0).get("status").asString()).isEqualTo("delivered");
        assertThat(log.get("data").get(0).get("lastResponseStatus").asInt()).isEqualTo(204);
    }

    @Test
    void aRealChangeIsAnnouncedToEveryEndpointThatWantsIt() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(context);
        TrackingFixtures.Setup setup = tracking.setupIn(tenant);
        endpoint(receiver.url(), "link.created");
        try (Receiver everything = new Receiver();
                Receiver other = new Receiver()) {
            endpoint(everything.url());
            endpoint(other.url(), "tier.changed");

            tracking.link(
                    tenant, setup.partner(), setup.program(), "https://www." + TrackingFixtures.SHOP + "/pricing");
            deliverAll();

            assertThat(receiver.received()).hasSize(1);
            assertThat(json.readTree(receiver.received().getFirst().body())
                            .get("data")
                            .get("destination")
                            .asString())
                    .endsWith("/pricing");
            assertThat(everything.received()).extracting(r -> type(r)).contains("link.created");
            assertThat(other.received()).isEmpty();
        }
    }

    @Test
    void failuresFollowTheScheduleUntilTheEighthAttemptFails() throws Exception {
        receiver.answer(r -> Receiver.Answer.status(500));
        String endpoint = id(endpoint(receiver.url()));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));

        List<Duration> waits = List.of(
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                Duration.ofMinutes(30),
                Duration.ofHours(2),
                Duration.ofHours(5),
                Duration.ofHours(10),
                Duration.ofHours(10));
        dispatcher.deliverDue();
        assertThat(receiver.received()).hasSize(1);
        for (Duration wait : waits) {
            Instant failedAt = lastAttemptAt(endpoint);
            Instant next = nextAttempt(endpoint);
            assertThat(next).isBetween(failedAt.plus(wait), failedAt.plus(wait).plus(wait.dividedBy(10)));
            clock.setTo(next.minusSeconds(1));
            int before = receiver.received().size();
            dispatcher.deliverDue();
            assertThat(receiver.received()).as("before its time").hasSize(before);
            clock.setTo(next);
            dispatcher.deliverDue();
            assertThat(receiver.received()).hasSize(before + 1);
        }

        assertThat(receiver.received()).hasSize(8);
        JsonNode log = api(get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries"));
        assertThat(log.get("data").get(0).get("status").asString()).isEqualTo("failed");
        assertThat(log.get("data").get(0).get("attempts").asInt()).isEqualTo(8);
        assertThat(log.get("data").get(0).get("lastResponseStatus").asInt()).isEqualTo(500);
        JsonNode after = api(get("/api/v1/webhook-endpoints/" + endpoint));
        assertThat(after.get("enabled").asBoolean())
                .as("27 hours of failures are not five days")
                .isTrue();
        assertThat(Instant.parse(after.get("failingSince").asString())).isBetween(START, START.plusSeconds(60));
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        receiver.answer(r -> new Receiver.Answer(503, Map.of("Retry-After", "120"), "busy"));
        String endpoint = id(endpoint(receiver.url()));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));

        dispatcher.deliverDue();

        assertThat(nextAttempt(endpoint)).isAfterOrEqualTo(START.plusSeconds(120));
    }

    @Test
    void gone410DisablesTheEndpointAtOnceAndMailsTheOwner() throws Exception {
        receiver.answer(r -> Receiver.Answer.status(410));
        String endpoint = id(endpoint(receiver.url()));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));

        dispatcher.deliverDue();

        JsonNode after = api(get("/api/v1/webhook-endpoints/" + endpoint));
        assertThat(after.get("enabled").asBoolean()).isFalse();
        assertThat(after.get("disabledReason").asString()).contains("410");
        assertThat(pending(endpoint)).isZero();
        assertThat(mail.messagesFor(tenant.id()))
                .anySatisfy(m -> assertThat(m.subject()).isEqualTo("A webhook endpoint was disabled"));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/enable"));
        assertThat(api(get("/api/v1/webhook-endpoints/" + endpoint))
                        .get("enabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void fiveDaysOfFailuresDisableTheEndpoint() throws Exception {
        receiver.answer(r -> Receiver.Answer.status(500));
        String endpoint = id(endpoint(receiver.url()));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));
        dispatcher.deliverDue();

        clock.setTo(START.plus(Duration.ofDays(4)));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));
        dispatcher.deliverDue();
        assertThat(api(get("/api/v1/webhook-endpoints/" + endpoint))
                        .get("enabled")
                        .asBoolean())
                .isTrue();

        clock.setTo(START.plus(Duration.ofDays(5)).plusSeconds(60));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));
        dispatcher.deliverDue();

        JsonNode after = api(get("/api/v1/webhook-endpoints/" + endpoint));
        assertThat(after.get("enabled").asBoolean()).isFalse();
        assertThat(after.get("disabledReason").asString()).contains("five days");
    }

    @Test
    void twoSendersNeverSendTheSameAttempt() throws Exception {
        String endpoint = id(endpoint(receiver.url()));
        for (int i = 0; i < 40; i++) {
            api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));
        }

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> node = () -> {
                int batches = 0;
                while (dispatcher.deliverDue() > 0) {
                    batches++;
                }
                return batches;
            };
            for (Future<Integer> done : nodes.invokeAll(List.of(node, node))) {
                done.get();
            }
        } finally {
            nodes.shutdown();
        }

        Map<String, Long> perMessage = receiver.received().stream()
                .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
        assertThat(perMessage)
                .hasSize(40)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void aSenderThatDiesMidAttemptLeavesTheDeliveryToAnotherOnceItsClaimRunsOut() throws Exception {
        String endpoint = id(endpoint(receiver.url()));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));
        Instant claimedAt = clock.instant();
        List<DeliveryTable.Claim> dead =
                transactions.execute(s -> deliveries.claim(claimedAt, Duration.ofSeconds(60), 100));
        assertThat(dead)
                .as("claimed by a node that dies before sending")
                .anySatisfy(c -> assertThat(c.endpointId()).hasToString(endpoint));

        dispatcher.deliverDue();
        assertThat(receiver.received()).as("while the dead node's claim holds").isEmpty();
        clock.setTo(claimedAt.plusSeconds(61));
        dispatcher.deliverDue();

        assertThat(receiver.received()).hasSize(1);
        assertThat(api(get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries"))
                        .get("data")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("delivered");
    }

    @Test
    void anOrderedTypeWaitsForTheEndpointsEarlierMessage() throws Exception {
        receiver.answer(r -> Receiver.Answer.status(
                type(r).equals("tier.changed") && receiver.received().size() == 1 ? 500 : 204));
        endpoint(receiver.url(), "tier.changed");
        transactions.executeWithoutResult(s -> events.publishEvent(tierChanged("Silver")));
        clock.advance(Duration.ofMillis(1));
        transactions.executeWithoutResult(s -> events.publishEvent(tierChanged("Gold")));

        dispatcher.deliverDue();
        assertThat(receiver.received()).as("Gold waits while Silver is pending").hasSize(1);
        clock.advance(Duration.ofSeconds(6)); // Silver's retry is due 5 to 5.5 s after its attempt
        deliverAll();

        assertThat(receiver.received())
                .extracting(
                        r -> json.readTree(r.body()).get("data").get("toTier").asString())
                .containsExactly("Silver", "Silver", "Gold");
    }

    @Test
    void failedDeliveriesAreReplayedOneByOneOrByTimeRange() throws Exception {
        receiver.answer(r -> Receiver.Answer.status(410));
        String endpoint = id(endpoint(receiver.url()));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));
        dispatcher.deliverDue();
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/enable"));
        receiver.answer(r -> Receiver.Answer.status(200));
        JsonNode failed = api(get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries"))
                .get("data");
        assertThat(failed)
                .allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("failed"));

        mvc.perform(with(post(
                        "/api/v1/webhook-deliveries/" + failed.get(0).get("id").asString() + "/replay")))
                .andExpect(status().isAccepted());
        deliverAll();
        JsonNode replayed = api(json(
                post("/api/v1/webhook-endpoints/" + endpoint + "/replay-failed"),
                "{\"from\":\"" + START.minusSeconds(1) + "\",\"to\":\"" + START.plusSeconds(1) + "\"}"));
        deliverAll();

        assertThat(replayed.get("replayed").asInt()).isEqualTo(1);
        assertThat(api(get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries"))
                        .get("data"))
                .allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("delivered"));
    }

    @Test
    void theDeliveryLogKeepsNinetyDays() throws Exception {
        String endpoint = id(endpoint(receiver.url()));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));
        deliverAll();
        clock.setTo(START.plus(Duration.ofDays(89)));
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));
        deliverAll();

        clock.setTo(START.plus(Duration.ofDays(90)).plusSeconds(60));
        retention.forgetOld();

        JsonNode log = api(get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries"));
        assertThat(log.get("data")).hasSize(1);
        assertThat(Instant.parse(log.get("data").get(0).get("createdAt").asString()))
                .isAfter(START.plus(Duration.ofDays(89)));
        assertThat(db.sql("select count(*) from webhooks_message where workspace_id = ?")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anEndpointIsKeptChangedRotatedAndDeletedThroughTheApi() throws Exception {
        assertThat(api(get("/api/v1/webhook-event-types")).get("data").toString())
                .contains("conversion.attributed", "tier.changed", "partner_user.joined");
        String endpoint = id(endpoint(receiver.url(), "tier.changed"));
        String first = api(get("/api/v1/webhook-endpoints/" + endpoint + "/secret"))
                .get("secret")
                .asString();

        JsonNode changed = api(json(
                put("/api/v1/webhook-endpoints/" + endpoint),
                "{\"url\":\"" + receiver.url() + "/v2\",\"description\":\"CRM\",\"eventTypes\":[\"deal.won\"]}"));
        String rotated = api(post("/api/v1/webhook-endpoints/" + endpoint + "/rotate-secret"))
                .get("secret")
                .asString();
        api(post("/api/v1/webhook-endpoints/" + endpoint + "/test"));
        deliverAll();

        assertThat(changed.get("eventTypes").toString()).isEqualTo("[\"deal.won\"]");
        assertThat(api(get("/api/v1/webhook-endpoints")).get("data")).hasSize(1);
        assertThat(rotated).isNotEqualTo(first).startsWith("whsec_");
        Receiver.Received got = receiver.received().getFirst();
        assertThat(got.header("webhook-signature")).isEqualTo(signature(rotated, got) + " " + signature(first, got));
        assertThat(api(post("/api/v1/webhook-endpoints/" + endpoint + "/disable"))
                        .get("enabled")
                        .asBoolean())
                .isFalse();
        mvc.perform(with(delete("/api/v1/webhook-endpoints/" + endpoint))).andExpect(status().isNoContent());
        mvc.perform(with(get("/api/v1/webhook-endpoints/" + endpoint))).andExpect(status().isNotFound());
    }

    @Test
    void urlsToPrivateOrLocalAddressesAreRefusedAndNothingIsStored() throws Exception {
        for (String url : List.of(
                "http://10.0.0.1/hooks",
                "http://[::1]:8080/",
                "http://169.254.169.254/latest/meta-data/",
                "http://192.168.1.20/",
                "http://localhost:8080/",
                "ftp://hooks.example.com/",
                "https://user:pass@hooks.example.com/",
                "")) {
            mvc.perform(with(json(post("/api/v1/webhook-endpoints"), "{\"url\":\"" + url + "\"}")))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                    .andExpect(jsonPath("$.errors[0].field").value("url"));
        }
        mvc.perform(with(json(
                        post("/api/v1/webhook-endpoints"),
                        "{\"url\":\"https://hooks.example.com/\",\"eventTypes\":[\"no.such\"]}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("eventTypes"));
        assertThat(fixtures.count("webhooks_endpoint", tenant.id())).isZero();
    }

    private JsonNode endpoint(String url, String... types) throws Exception {
        String list = List.of(types).stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(","));
        String body = mvc.perform(with(json(
                        post("/api/v1/webhook-endpoints"),
                        "{\"url\":\"" + url + "\",\"description\":\"Test receiver\",\"eventTypes\":[" + list + "]}")))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    private static String id(JsonNode created) {
        return created.get("endpoint").get("id").asString();
    }

    private JsonNode api(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(with(request))
                .andExpect(status().is2xxSuccessful())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body.isEmpty() ? "{}" : body);
    }

    private MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + key);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private TierChanged tierChanged(String tier) {
        return new TierChanged(
                tenant.id(), new ProgramId(UUID.randomUUID()), PartnerId.random(), null, tier, "Test", clock.instant());
    }

    private void deliverAll() {
        while (dispatcher.deliverDue() > 0) {
            // until nothing is due
        }
    }

    private Instant nextAttempt(String endpoint) {
        return db.sql("select next_attempt_at from webhooks_delivery where endpoint_id = ?")
                .param(UUID.fromString(endpoint))
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private Instant lastAttemptAt(String endpoint) {
        return db.sql("""
                        select max(a.attempted_at) from webhooks_attempt a
                        join webhooks_delivery d on d.id = a.delivery_id where d.endpoint_id = ?
                        """)
                .param(UUID.fromString(endpoint))
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private long pending(String endpoint) {
        return db.sql("select count(*) from webhooks_delivery where endpoint_id = ? and status = 'pending'")
                .param(UUID.fromString(endpoint))
                .query(Long.class)
                .single();
    }

    private String type(Receiver.Received r) {
        return json.readTree(r.body()).get("type").asString();
    }

    /** What a receiver computes to verify, written here without the library Canopy signs with. */
    private static String signature(String secret, Receiver.Received got) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = got.header("webhook-id") + "." + got.header("webhook-timestamp") + "." + got.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
