package dev.canopy.deals.internal;

import dev.canopy.audit.AuditLog;
import dev.canopy.deals.DealRegistrationEnded;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.DealView;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.shared.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends the protection of approved registrations whose period has passed. Every node runs it every few
 * minutes; one {@code UPDATE … RETURNING} moves each registration exactly once, so however many nodes race,
 * each expiry is audited and published once. Pages never run it (reads never write): they show a lapsed
 * protection as expired from {@code protected_until} and the clock, and this job makes it durable.
 */
@Component
public class ProtectionExpiry {

    private final RegistrationTable registrations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProtectionExpiry(RegistrationTable registrations, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.registrations = registrations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${canopy.deals.expiry-interval:PT5M}",
            initialDelayString = "${canopy.deals.expiry-interval:PT5M}")
    @Transactional // runNow's own annotation is not seen from here: a call within the bean skips its proxy
    void scheduled() {
        runNow();
    }

    /** Expires what is due now; returns the registrations this call expired. */
    @Transactional
    public List<DealView> runNow() {
        Instant now = DatabaseTime.now(clock);
        List<RegistrationTable.Expired> expired = registrations.expireDue(now);
        for (RegistrationTable.Expired e : expired) {
            DealView deal = e.deal();
            audit.record(e.workspace(), Actor.system(), "deals.expired", "deal", deal.id(), null, deal);
            events.publishEvent(DealRegistrationEnded.of(
                    e.workspace(), deal, DealStatus.EXPIRED, "The protection period ended", now));
        }
        return expired.stream().map(RegistrationTable.Expired::deal).toList();
    }
}
