package dev.canopy.enablement.internal;

import dev.canopy.platform.AsSystem;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every few minutes, on any node: assets whose publish date has come are announced to their audience, each in a
 * transaction of its own that claims it first, so that two nodes announce it once.
 */
@Component
public class AssetRelease {

    private static final Logger log = LoggerFactory.getLogger(AssetRelease.class);

    private final AssetTable assets;
    private final Releases releases;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AssetRelease(AssetTable assets, Releases releases, TransactionTemplate transactions, Clock clock) {
        this.assets = assets;
        this.releases = releases;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${canopy.content.release-delay:5m}",
            initialDelayString = "${canopy.content.release-delay:5m}")
    void tick() {
        release();
    }

    public void release() {
        Instant now = clock.instant();
        for (AssetTable.Due due : assets.unannounced(now)) {
            try {
                AsSystem.in(
                        due.workspace(),
                        () -> transactions.executeWithoutResult(status -> assets.find(due.workspace(), due.id())
                                .ifPresent(row -> releases.asset(due.workspace(), row.view(clock.instant())))));
            } catch (RuntimeException e) {
                log.error("Announcing asset {} failed", due.id(), e);
            }
        }
    }
}
