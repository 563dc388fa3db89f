package dev.canopy.campaigns.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens of campaign messages, as tracking takes clicks: the pixel's GET only puts the recipient's token in a bounded
 * queue (it answers at once and writes nothing), and a background writer records the opens every few seconds. A full
 * queue drops opens (counted in the log): an open is a hint, never money.
 */
@Component
public class OpenPixels {

    private record Open(String token, Instant at) {}

    private static final Logger log = LoggerFactory.getLogger(OpenPixels.class);

    private final BlockingQueue<Open> queue = new ArrayBlockingQueue<>(50_000);
    private final RecipientTable recipients;
    private final Clock clock;

    OpenPixels(RecipientTable recipients, Clock clock) {
        this.recipients = recipients;
        this.clock = clock;
    }

    /** Called by the pixel's GET: queues the open, never blocks. */
    public void seen(String token) {
        if (token.length() <= 64 && !queue.offer(new Open(token, clock.instant()))) {
            log.warn("Campaign open queue full: an open was dropped");
        }
    }

    @Scheduled(
            fixedDelayString = "${canopy.campaigns.open-writer-delay:5s}",
            initialDelayString = "${canopy.campaigns.open-writer-delay:5s}")
    void tick() {
        write();
    }

    /** Records the queued opens; answers how many were first opens of a sent message. */
    public int write() {
        List<Open> batch = new ArrayList<>();
        queue.drainTo(batch);
        int first = 0;
        for (Open open : batch) {
            if (recipients.opened(open.token(), open.at())) {
                first++;
            }
        }
        return first;
    }
}
