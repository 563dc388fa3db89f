package dev.canopy.deals;

import dev.canopy.audit.AuditLog;
import dev.canopy.deals.internal.DealChecks;
import dev.canopy.deals.internal.DealMetrics;
import dev.canopy.deals.internal.RegistrationGuards;
import dev.canopy.deals.internal.RegistrationLifecycle;
import dev.canopy.deals.internal.RegistrationTable;
import dev.canopy.deals.internal.SourcingEvidenceFinder;
import dev.canopy.deals.internal.SourcingPolicy;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.RewardType;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an approved registration ends: won, classified as partner-sourced or influenced from the evidence
 * (a staff override later, with its reason), or lost. Staff only.
 */
@Service
public class DealOutcomes {

    private final Deals deals;
    private final RegistrationTable registrations;
    private final SourcingEvidenceFinder evidenceFinder;
    private final DealMetrics metrics;
    private final Programs programs;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DealOutcomes(
            Deals deals,
            RegistrationTable registrations,
            SourcingEvidenceFinder evidenceFinder,
            DealMetrics metrics,
            Programs programs,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.deals = deals;
        this.registrations = registrations;
        this.evidenceFinder = evidenceFinder;
        this.metrics = metrics;
        this.programs = programs;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Marks an approved deal won, at {@code amount} (blank: the registered estimate) and classifies it
     * from timestamps; {@code opportunityOpenedOn} (optional, ISO date) is when the vendor's own
     * opportunity existed according to its CRM.
     */
    @Transactional
    public DealView markWon(UUID id, String amount, String opportunityOpenedOn) {
        RegistrationGuards.requireStaff(currentWorkspace);
        WorkspaceId workspace = currentWorkspace.id();
        DealView before = deals.get(id);
        Money[] value = new Money[1];
        Instant[] opened = new Instant[1];
        InvalidInputException.collect(
                () -> value[0] = amount == null || amount.isBlank()
                        ? before.amount()
                        : new Money(
                                DealChecks.positive(
                                        "amount", amount, before.amount().currency()),
                                before.amount().currency()),
                () -> opened[0] = openedOn(opportunityOpenedOn));
        RegistrationLifecycle.WIN.require(before);
        Instant now = DatabaseTime.now(clock);
        RegistrationGuards.requireProtected(before, now);
        SourcingEvidence evidence = evidenceFinder.find(workspace, before, opened[0]);
        Sourcing sourcing = SourcingPolicy.classify(evidence);
        if (!registrations.markWon(
                workspace,
                id,
                value[0],
                opened[0],
                sourcing,
                evidence,
                currentWorkspace.actor().name(),
                now)) {
            throw RegistrationGuards.changedMeanwhile();
        }
        DealView after = deals.get(id);
        audit.record("deals.won", "deal", id, before, after);
        metrics.record(workspace, after.partnerId(), now);
        ProgramView program = programs.get(after.programId());
        events.publishEvent(new DealWon(
                workspace,
                new DealId(id),
                after.partnerId(),
                after.programId(),
                after.accountName(),
                after.domain(),
                after.amount(),
                program.reward().type() == RewardType.MARGIN
                        ? RevenueBasis.LIST_PRICE
                        : RevenueBasis.FIRST_YEAR_CONTRACT_VALUE,
                after.products(),
                sourcing,
                now));
        return after;
    }

    @Transactional
    public DealView markLost(UUID id, String reason) {
        RegistrationGuards.requireStaff(currentWorkspace);
        String why = DealChecks.text("reason", reason, 2000);
        DealView before = deals.get(id);
        RegistrationLifecycle.LOSE.require(before);
        Instant now = DatabaseTime.now(clock);
        if (!registrations.markLost(
                currentWorkspace.id(), id, why, currentWorkspace.actor().name(), now)) {
            throw RegistrationGuards.changedMeanwhile();
        }
        DealView after = deals.get(id);
        audit.record("deals.lost", "deal", id, before, after);
        events.publishEvent(DealRegistrationEnded.of(currentWorkspace.id(), after, DealStatus.LOST, why, now));
        return after;
    }

    /** Staff override a won deal's classification; the reason is required and the change audited. */
    @Transactional
    public DealView overrideSourcing(UUID id, String sourcing, String reason) {
        RegistrationGuards.requireStaff(currentWorkspace);
        Sourcing[] to = new Sourcing[1];
        String[] why = new String[1];
        InvalidInputException.collect(
                () -> to[0] = DealChecks.parse(Sourcing.class, "sourcing", sourcing),
                () -> why[0] = DealChecks.text("reason", reason, 2000));
        DealView before = deals.get(id);
        RegistrationLifecycle.RECLASSIFY.require(before);
        WorkspaceId workspace = currentWorkspace.id();
        registrations.overrideSourcing(workspace, id, to[0], why[0]);
        DealView after = deals.get(id);
        audit.record("deals.sourcing.overridden", "deal", id, before, after);
        Instant now = DatabaseTime.now(clock);
        metrics.record(workspace, after.partnerId(), now);
        events.publishEvent(new DealSourcingChanged(workspace, new DealId(id), after.partnerId(), to[0], why[0], now));
        return after;
    }

    private static Instant openedOn(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip()).atStartOfDay(ZoneId.of("UTC")).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("opportunityOpenedOn", "Use a date like 2027-03-31");
        }
    }
}
