package dev.canopy.programs.internal;

import dev.canopy.shared.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily evaluation of every programme's tiers. Every node schedules it; the first to claim the day
 * in {@code programs_job_run} runs it and the others skip, so it runs once however many nodes there
 * are. Each programme is evaluated in its own transaction: one programme's failure does not undo the
 * others, and the next day's review picks up whatever a crash left undone.
 */
@Component
public class TierReview {

    static final String JOB = "programs.tier-review";

    private static final Logger log = LoggerFactory.getLogger(TierReview.class);

    private final JobRunTable jobs;
    private final ProgramTable programs;
    private final TierEvaluator evaluator;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TierReview(
            JobRunTable jobs,
            ProgramTable programs,
            TierEvaluator evaluator,
            TransactionTemplate transactions,
            Clock clock) {
        this.jobs = jobs;
        this.programs = programs;
        this.evaluator = evaluator;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${canopy.programs.tier-review-cron:0 30 2 * * *}", zone = "UTC")
    void daily() {
        runToday();
    }

    /** Evaluates every programme unless some node has done today's review already; true when this call did. */
    public boolean runToday() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!Boolean.TRUE.equals(transactions.execute(status -> jobs.claim(JOB, today, now)))) {
            return false;
        }
        for (ProgramTable.Owned owned : programs.all()) {
            try {
                transactions.executeWithoutResult(status ->
                        evaluator.evaluate(owned.workspace(), Actor.system(), owned.program(), Optional.empty()));
            } catch (RuntimeException e) {
                log.error("Tier review of programme {} failed", owned.program().id(), e);
            }
        }
        return true;
    }
}
