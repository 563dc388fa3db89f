package dev.canopy.imports.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Picks up runs whose node stopped pushing its claim forward — it crashed or was stopped mid-run — on any node,
 * once a minute: a real run goes on after its last committed batch, a dry run starts again. It also forgets uploads
 * left waiting for their columns for a week.
 */
@Component
public class Resumer {

    private final ImportRunTable runs;
    private final Importer importer;
    private final TaskExecutor executor;
    private final Clock clock;

    Resumer(
            ImportRunTable runs,
            Importer importer,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock) {
        this.runs = runs;
        this.importer = importer;
        this.executor = executor;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${canopy.imports.resume-delay:60s}",
            initialDelayString = "${canopy.imports.resume-delay:60s}")
    void tick() {
        failAbandonedFetches();
        forgetUnmatchedUploads();
        for (Optional<UUID> stale = claim(); stale.isPresent(); stale = claim()) {
            UUID id = stale.get();
            executor.execute(() -> importer.run(id));
        }
    }

    /** How long an upload waits for its columns to be matched before it is forgotten (it holds people's details). */
    static final Duration UNMATCHED_KEPT = Duration.ofDays(7);

    /** Forgets the vendor's own files whose columns were never matched within a week; answers how many. */
    public int forgetUnmatchedUploads() {
        return runs.forgetUnmatched(clock.instant().minus(UNMATCHED_KEPT));
    }

    /** Ends the fetches whose node stopped: the key was never kept, so they cannot go on. */
    public int failAbandonedFetches() {
        return runs.failStaleFetches(clock.instant());
    }

    /** Claims one abandoned run for this node; empty when there is none. */
    public Optional<UUID> claim() {
        return runs.claimStale(clock.instant(), clock.instant().plus(Importer.CLAIM));
    }
}
