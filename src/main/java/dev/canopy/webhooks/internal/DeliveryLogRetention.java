package dev.canopy.webhooks.internal;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the delivery log 90 days: older attempts, finished deliveries and their messages go, once an hour. */
@Component
public class DeliveryLogRetention {

    static final Duration KEPT = Duration.ofDays(90);

    private final DeliveryTable deliveries;
    private final Clock clock;

    DeliveryLogRetention(DeliveryTable deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @Transactional
    public void forgetOld() {
        deliveries.forget(clock.instant().minus(KEPT));
    }
}
