package dev.canopy.webhooks.internal;

import com.standardwebhooks.Webhook;
import dev.canopy.identity.MemberView;
import dev.canopy.identity.Role;
import dev.canopy.identity.Team;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.Mailer;
import dev.canopy.platform.OutgoingMail;
import dev.canopy.shared.Actor;
import dev.canopy.shared.EmailAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, on every node: due deliveries are claimed with SKIP LOCKED for longer than an
 * attempt can take, sent in parallel, and settled only while the claim is still this node's — so two nodes never
 * send the same attempt, and a node that dies mid-attempt leaves the delivery to the others once its claim runs out.
 */
@Component
public class Dispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** A claim outlives the longest attempt (15 s) by far: a claim that runs out means its node is gone. */
    static final Duration LEASE = Duration.ofSeconds(60);

    /** An endpoint failing for this long is disabled, and its owners are told. */
    static final Duration FAILING_LIMIT = Duration.ofDays(5);

    /** While a secret is rotated, the old one signs too for this long. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private static final int BATCH = 100;

    private final DeliveryTable deliveries;
    private final EndpointTable endpoints;
    private final Sender sender;
    private final TransactionTemplate transactions;
    private final Team team;
    private final Mailer mailer;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("webhooks-waker").factory());
    private final AtomicBoolean woken = new AtomicBoolean();
    private final boolean wakeOnCommit;

    Dispatcher(
            DeliveryTable deliveries,
            EndpointTable endpoints,
            Sender sender,
            TransactionTemplate transactions,
            Team team,
            Mailer mailer,
            @Value("${canopy.webhooks.wake-on-commit:true}") boolean wakeOnCommit,
            Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.transactions = transactions;
        this.team = team;
        this.mailer = mailer;
        this.wakeOnCommit = wakeOnCommit;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${canopy.webhooks.poll-delay:1s}",
            initialDelayString = "${canopy.webhooks.poll-delay:1s}")
    void tick() {
        try {
            while (deliverDue() > 0) {
                // more may be due: an endpoint's next ordered message once its head is sent, or a backlog
            }
        } catch (RuntimeException e) {
            log.error("Delivering webhooks failed", e);
        }
    }

    /**
     * Delivers soon after a commit that made deliveries, rather than at the next poll. Wakes coalesce: while one is
     * waiting to run, more add nothing.
     */
    public void wake() {
        if (wakeOnCommit && woken.compareAndSet(false, true)) {
            waker.execute(() -> {
                woken.set(false);
                tick();
            });
        }
    }

    /** Claims and sends one batch of due deliveries; answers how many were claimed. */
    public int deliverDue() {
        List<DeliveryTable.Claim> claims =
                transactions.execute(status -> deliveries.claim(clock.instant(), LEASE, BATCH));
        List<Future<Attempt>> sent = new ArrayList<>();
        for (DeliveryTable.Claim claim : claims) {
            sent.add(senders.submit(() -> attempt(claim)));
        }
        List<Attempt> attempts = new ArrayList<>();
        for (Future<Attempt> f : sent) {
            try {
                Attempt attempt = f.get();
                if (attempt != null) {
                    attempts.add(attempt);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                log.error("A webhook attempt failed unexpectedly", e.getCause());
            }
        }
        settleAll(attempts);
        return claims.size();
    }

    /** One attempt made, to be settled. */
    private record Attempt(DeliveryTable.Claim claim, Sender.Outcome outcome, Instant at) {}

    private Attempt attempt(DeliveryTable.Claim claim) {
        Instant now = clock.instant();
        return endpoints
                .secrets(claim.workspace(), claim.endpointId())
                .map(secrets -> new Attempt(
                        claim,
                        sender.post(URI.create(claim.url()), headers(claim, secrets, now), claim.payload()),
                        now))
                .orElse(null); // the endpoint was deleted meanwhile, its deliveries with it
    }

    /**
     * A batch's attempts settled in one transaction (one commit, not one per delivery). Should that fail, each is
     * settled on its own, so one bad row cannot hold the others back until their claims run out.
     */
    private void settleAll(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> attempts.forEach(a -> settle(a.claim(), a.outcome(), a.at())));
        } catch (RuntimeException batch) {
            log.warn("Settling {} webhook attempts together failed; settling them one by one", attempts.size(), batch);
            for (Attempt a : attempts) {
                try {
                    transactions.executeWithoutResult(status -> settle(a.claim(), a.outcome(), a.at()));
                } catch (RuntimeException one) {
                    log.error("Settling webhook delivery {} failed", a.claim().id(), one);
                }
            }
        }
    }

    private void settle(DeliveryTable.Claim claim, Sender.Outcome outcome, Instant at) {
        deliveries.attempt(claim, at, outcome.status(), outcome.body(), outcome.error(), outcome.latency());
        if (outcome.delivered()) {
            deliveries.settle(claim, "delivered", null);
            endpoints.healthy(claim.workspace(), claim.endpointId());
            return;
        }
        if (outcome.gone()) {
            deliveries.settle(claim, "failed", null);
            disable(claim, "The receiver answered 410 Gone", at);
            return;
        }
        Optional<Duration> wait = RetrySchedule.next(claim.attempt(), outcome.retryAfter(), random);
        if (!deliveries.settle(
                claim,
                wait.isPresent() ? "pending" : "failed",
                wait.map(at::plus).orElse(null))) {
            return; // the claim ran out and another node has it
        }
        Instant failingSince = endpoints.failing(claim.workspace(), claim.endpointId(), at);
        if (!failingSince.plus(FAILING_LIMIT).isAfter(at)) {
            disable(claim, "Every delivery failed for five days", at);
        }
    }

    private void disable(DeliveryTable.Claim claim, String reason, Instant at) {
        if (!endpoints.disable(claim.workspace(), claim.endpointId(), reason, at)) {
            return;
        }
        List<MemberView> owners = AsSystem.in(claim.workspace(), Actor.system(), team::members).stream()
                .filter(m -> m.role() == Role.OWNER)
                .toList();
        for (MemberView owner : owners) {
            mailer.sendAfterCommit(new OutgoingMail(
                    new EmailAddress(owner.email()),
                    "A webhook endpoint was disabled",
                    "webhook-disabled",
                    Map.of("url", claim.url(), "reason", reason, "endpoint", claim.endpointId()),
                    Set.of(claim.workspace())));
        }
    }

    /**
     * The Standard Webhooks headers: the message's id and the attempt's time, signed over {@code id.timestamp.body}
     * with the current secret, and with the previous one too while a rotation overlaps.
     */
    public static Map<String, String> headers(DeliveryTable.Claim claim, EndpointTable.Secrets secrets, Instant now) {
        long timestamp = now.getEpochSecond();
        List<String> signatures = new ArrayList<>();
        signatures.add(sign(secrets.current(), claim.messageId(), timestamp, claim.payload()));
        if (secrets.previous() != null && secrets.previousUntil().isAfter(now)) {
            signatures.add(sign(secrets.previous(), claim.messageId(), timestamp, claim.payload()));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", claim.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", String.join(" ", signatures));
        return headers;
    }

    private static String sign(String secret, String id, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(id, timestamp, body);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign webhook " + id, e);
        }
    }

    @Override
    public void destroy() {
        waker.shutdownNow();
        senders.shutdownNow();
    }
}
