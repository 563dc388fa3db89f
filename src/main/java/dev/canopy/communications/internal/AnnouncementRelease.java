package dev.canopy.communications.internal;

import dev.canopy.platform.AsSystem;
import dev.canopy.shared.Actor;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every few minutes, on any node: announcements published with a publish date that has now come reach their
 * segment. The telling is claimed row by row, so two nodes tell each once.
 */
@Component
public class AnnouncementRelease {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementRelease.class);

    private final AnnouncementTable announcements;
    private final AnnouncementTelling telling;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AnnouncementRelease(
            AnnouncementTable announcements,
            AnnouncementTelling telling,
            TransactionTemplate transactions,
            Clock clock) {
        this.announcements = announcements;
        this.telling = telling;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${canopy.communications.release-delay:5m}",
            initialDelayString = "${canopy.communications.release-delay:5m}")
    void tick() {
        release();
    }

    /** Answers how many announcements reached their segment. */
    public int release() {
        int told = 0;
        for (AnnouncementTable.Due due : announcements.due(clock.instant())) {
            try {
                Boolean one = AsSystem.in(
                        due.workspace(),
                        Actor.system(),
                        () -> transactions.execute(status -> telling.tell(due.workspace(), due.id())));
                told += Boolean.TRUE.equals(one) ? 1 : 0;
            } catch (RuntimeException e) {
                log.error("Telling announcement {} failed", due.id(), e);
            }
        }
        return told;
    }
}
