package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
import dev.canopy.shared.WorkspaceId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.varhandle.MpscBlockingConsumerVarHandleArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes clicks from the redirect without ever blocking it and writes them to PostgreSQL in batches on
 * one background thread. The queue is bounded: when PostgreSQL is away the clicks wait in memory up to
 * the bound and land once it is back; beyond the bound they are counted as dropped, never lost
 * silently. On shutdown, after the web server has stopped taking requests, the queue is drained.
 */
@Component
public class ClickWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClickWriter.class);
    private static final int BATCH = 5_000;
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    private final MpscBlockingConsumerVarHandleArrayQueue<Click> queue;
    private final int capacity;
    private static final long VISITS_EVERY_MILLIS = 1_000;

    private final ClickTable clicks;
    private final ClickRollups rollups;
    private final Partners partners;
    private final VisitTally visits;
    private final long drainMillis;
    private final Counter accepted;
    private final Counter written;
    private final Counter dropped;
    private volatile boolean running;
    private Thread worker;
    private long visitsWritten = System.nanoTime();

    ClickWriter(
            ClickTable clicks,
            ClickRollups rollups,
            Partners partners,
            VisitTally visits,
            MeterRegistry meters,
            @Value("${canopy.tracking.click-queue-capacity:200000}") int capacity,
            @Value("${canopy.tracking.shutdown-drain-millis:10000}") long drainMillis) {
        // Lock-free for the event loops: an ArrayBlockingQueue's one lock, held by a writer the scheduler
        // preempted mid-drain, parked them for milliseconds (ADR 34). It rounds its size up to a power of
        // two; offers stop at the capacity asked for.
        this.queue = new MpscBlockingConsumerVarHandleArrayQueue<>(capacity);
        this.capacity = capacity;
        this.clicks = clicks;
        this.rollups = rollups;
        this.partners = partners;
        this.visits = visits;
        this.drainMillis = drainMillis;
        this.accepted = meters.counter("canopy.clicks.accepted");
        this.written = meters.counter("canopy.clicks.written");
        this.dropped = meters.counter("canopy.clicks.dropped");
        Gauge.builder("canopy.clicks.queued", queue, MpscBlockingConsumerVarHandleArrayQueue::size)
                .register(meters);
    }

    /** Queues a click; false (and counted as dropped) when the queue is full. Never blocks. */
    public boolean offer(Click click) {
        if (queue.offerIfBelowThreshold(click, capacity)) {
            accepted.increment();
            return true;
        }
        dropped.increment();
        return false;
    }

    public ClickCounts counts() {
        return new ClickCounts((long) accepted.count(), (long) written.count(), (long) dropped.count(), queue.size());
    }

    /** What the writer has done since this node started. */
    public record ClickCounts(long accepted, long written, long dropped, int queued) {}

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("click-writer").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        worker.interrupt();
        try {
            worker.join(drainMillis + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops at a higher phase), so no click arrives after the drain. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1_000;
    }

    private void run() {
        List<Click> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Click first = queue.poll(200, TimeUnit.MILLISECONDS);
                writeVisitsEverySecond();
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drain(batch::add, BATCH - 1);
                writeUntilStored(batch);
                batch.clear();
            } catch (InterruptedException e) {
                // stop() interrupts: fall through to the drain
            }
        }
        drain(batch);
    }

    private void writeUntilStored(List<Click> batch) throws InterruptedException {
        long backoff = 100;
        while (true) {
            try {
                write(batch);
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    throw new InterruptedException("stopping");
                }
                log.warn(
                        "Could not write {} clicks ({} more queued), retrying in {} ms: {}",
                        batch.size(),
                        queue.size(),
                        backoff,
                        e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private void drain(List<Click> unfinished) {
        Thread.interrupted(); // the interrupt that stopped the loop must not fail the last writes
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
        List<Click> batch = new ArrayList<>(unfinished);
        queue.drain(batch::add);
        int total = batch.size();
        while (!batch.isEmpty() && System.nanoTime() < deadline) {
            List<Click> part = batch.subList(0, Math.min(BATCH, batch.size()));
            try {
                write(part);
                part.clear();
            } catch (RuntimeException e) {
                sleepQuietly(200);
            }
        }
        writeVisits();
        if (!batch.isEmpty()) {
            dropped.increment(batch.size());
            log.error("Shutting down with {} clicks that could not be written", batch.size());
        } else if (total > 0) {
            log.info("Wrote the last {} queued clicks before shutting down", total);
        }
    }

    private void writeVisitsEverySecond() {
        if (System.nanoTime() - visitsWritten >= TimeUnit.MILLISECONDS.toNanos(VISITS_EVERY_MILLIS)) {
            writeVisits();
        }
    }

    /** Repeats and bots into the rollups; kept for the next time when PostgreSQL is away. */
    private void writeVisits() {
        visitsWritten = System.nanoTime();
        List<VisitTally.Visits> taken = visits.take();
        try {
            rollups.addVisits(taken);
        } catch (RuntimeException e) {
            visits.giveBack(taken);
            log.warn(
                    "Could not add {} links' repeats and bots to the rollups, retrying: {}",
                    taken.size(),
                    e.getMessage());
        }
    }

    private void write(List<Click> batch) {
        clicks.insert(batch);
        written.increment(batch.size());
        recordActivity(batch);
    }

    // A click is partner activity (dormancy); one update per partner per batch, not per click.
    private void recordActivity(List<Click> batch) {
        Map<PartnerKey, Instant> latest = new HashMap<>();
        for (Click click : batch) {
            latest.merge(
                    new PartnerKey(click.workspace(), new PartnerId(click.partnerId())),
                    click.at(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        try {
            latest.forEach((key, at) -> partners.recordActivity(key.workspace(), key.partner(), at));
        } catch (RuntimeException e) {
            log.warn("Clicks written, but partner activity not updated: {}", e.getMessage());
        }
    }

    private record PartnerKey(WorkspaceId workspace, PartnerId partner) {}

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
