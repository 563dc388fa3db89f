package dev.canopy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@CanopyTest
class IdempotencyKeyReplaysTheFirstResponse {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static MockHttpServletRequestBuilder invite(String key, String idempotencyKey, String email) {
        return post("/api/v1/invitations")
                .header("Authorization", "Bearer " + key)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"role\":\"SALES\"}");
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstResponseAndChangeNothingMore() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String email = Fixtures.uniqueEmail("once");

        MvcResult first = mvc.perform(invite(key, "k-1", email))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotency-Replayed"))
                .andReturn();
        MvcResult replay = mvc.perform(invite(key, "k-1", email))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andReturn();

        assertThat(replay.getResponse().getContentAsString())
                .isEqualTo(first.getResponse().getContentAsString());
        assertThat(replay.getResponse().getHeader("Location"))
                .startsWith("/api/v1/invitations/")
                .isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(fixtures.count("identity_invitation", tenant.id())).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessable() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        mvc.perform(invite(key, "k-2", Fixtures.uniqueEmail("a"))).andExpect(status().isCreated());
        mvc.perform(invite(key, "k-2", Fixtures.uniqueEmail("b")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Idempotency-Key reused"));
        assertThat(fixtures.count("identity_invitation", tenant.id())).isEqualTo(1);
    }

    @Test
    void keysAreScopedToTheWorkspace() throws Exception {
        Fixtures.Tenant a = fixtures.newWorkspace();
        Fixtures.Tenant b = fixtures.newWorkspace();
        String email = Fixtures.uniqueEmail("shared");
        mvc.perform(invite(fixtures.apiKey(a, ApiKeyScope.READ_WRITE), "same-key", email))
                .andExpect(status().isCreated());
        mvc.perform(invite(fixtures.apiKey(b, ApiKeyScope.READ_WRITE), "same-key", email))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotency-Replayed"));
        assertThat(fixtures.count("identity_invitation", b.id())).isEqualTo(1);
    }

    @Test
    void aDuplicateWhileTheFirstIsInProgressIsAConflictUntilItsClaimLapses() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String email = Fixtures.uniqueEmail("busy");
        byte[] body = ("{\"email\":\"" + email + "\",\"role\":\"SALES\"}").getBytes(StandardCharsets.UTF_8);
        // Another node claimed "k-3" for this very request and has not answered yet.
        assertThat(keys.claim(
                        scopeOf(tenant),
                        "k-3",
                        IdempotencyFilter.requestHash("POST", "/api/v1/invitations", null, body)))
                .isTrue();

        mvc.perform(invite(key, "k-3", email))
                .andExpect(status().isConflict())
                .andExpect(header().string("Retry-After", "1"));
        assertThat(fixtures.count("identity_invitation", tenant.id())).isZero();

        // That node died: once its claim lapses, the retry takes the key over and runs once.
        clock.advance(IdempotencyKeys.CLAIM.plus(Duration.ofSeconds(1)));
        mvc.perform(invite(key, "k-3", email)).andExpect(status().isCreated());
        mvc.perform(invite(key, "k-3", email)).andExpect(header().string("Idempotency-Replayed", "true"));
        assertThat(fixtures.count("identity_invitation", tenant.id())).isEqualTo(1);
    }

    @Test
    void aReadOnlyKeyReplayingAReadWriteKeysRequestIsRefusedNotAnswered() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String writer = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String reader = fixtures.apiKey(tenant, ApiKeyScope.READ);
        String email = Fixtures.uniqueEmail("scoped");

        mvc.perform(invite(writer, "k-shared", email)).andExpect(status().isCreated());
        mvc.perform(invite(reader, "k-shared", email))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Idempotency-Replayed"));
        assertThat(fixtures.count("identity_invitation", tenant.id())).isEqualTo(1);
    }

    @Test
    void twoWritersWithTheSameKeyEachGetTheirOwnAnswerWhoeverComesFirst() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String first = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String second = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);

        for (String[] order : new String[][] {{first, second}, {second, first}}) {
            String key = "k-" + UUID.randomUUID();
            for (String caller : order) {
                mvc.perform(invite(caller, key, Fixtures.uniqueEmail("writer")))
                        .andExpect(status().isCreated())
                        .andExpect(header().doesNotExist("Idempotency-Replayed"));
            }
        }
        assertThat(fixtures.count("identity_invitation", tenant.id())).isEqualTo(4);
    }

    @Test
    void aRefusalIsNeverStoredSoTheRightCallerWithTheSameKeyIsServed() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String reader = fixtures.apiKey(tenant, ApiKeyScope.READ);
        String writer = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String email = Fixtures.uniqueEmail("refused");

        mvc.perform(invite(reader, "k-refused", email)).andExpect(status().isForbidden());
        mvc.perform(invite(reader, "k-refused", email))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Idempotency-Replayed"));
        mvc.perform(invite(writer, "k-refused", email))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotency-Replayed"));
        assertThat(fixtures.count("identity_invitation", tenant.id())).isEqualTo(1);
    }

    @Test
    void aValidationFailureIsNotStoredAndTheCorrectedRequestMayUseTheKey() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);

        mvc.perform(invite(key, "k-fixed", "not-an-email")).andExpect(status().isBadRequest());
        mvc.perform(invite(key, "k-fixed", Fixtures.uniqueEmail("fixed"))).andExpect(status().isCreated());
        assertThat(fixtures.count("identity_invitation", tenant.id())).isEqualTo(1);
    }

    private IdempotencyKeys.Scope scopeOf(Fixtures.Tenant tenant) {
        java.util.UUID keyId = jdbc.sql("select id from identity_api_key where workspace_id = ?")
                .param(tenant.id().value())
                .query(java.util.UUID.class)
                .single();
        return new IdempotencyKeys.Scope(tenant.id(), "API_KEY:" + keyId);
    }

    @Test
    void concurrentDuplicatesRunOnceAndTheOthersAreToldToRetry() throws Exception {
        Fixtures.Tenant tenant = fixtures.newWorkspace();
        String key = fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE);
        String email = Fixtures.uniqueEmail("race");
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Callable<Integer> racer = () -> {
                start.await();
                return mvc.perform(invite(key, "race", email))
                        .andReturn()
                        .getResponse()
                        .getStatus();
            };
            outcomes.add(pool.submit(racer));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409).contains(201);
        assertThat(fixtures.count("identity_invitation", tenant.id())).isEqualTo(1);
        mvc.perform(invite(key, "race", email))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"));
    }
}
