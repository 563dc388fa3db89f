package dev.canopy.tracking.internal;

import dev.canopy.platform.RegistrableDomain;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.IncomingEvent;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Which customer an incoming event is about: the one it names, completed with what it adds, or a new one. */
@Component
class IntakeCustomers {

    private final CustomerTable customers;
    private final Clock clock;

    IntakeCustomers(CustomerTable customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /** The event's customer, found by its id or e-mail and completed with what the event adds, or created. */
    CustomerTable.Row resolve(WorkspaceId workspace, IncomingEvent event, String status) {
        String domain = event.email() == null
                ? null
                : RegistrableDomain.of(event.email())
                        .orElse(event.email().substring(event.email().indexOf('@') + 1));
        Optional<CustomerTable.Row> found = find(workspace, event);
        if (found.isPresent()) {
            customers.complete(
                    workspace,
                    found.get().id(),
                    event.customerExternalId(),
                    event.email(),
                    event.name(),
                    domain,
                    event.country());
            return customers.find(workspace, found.get().id()).orElseThrow();
        }
        CustomerTable.Row created = new CustomerTable.Row(
                UUID.randomUUID(),
                event.customerExternalId(),
                event.email(),
                event.name(),
                domain,
                event.country(),
                status,
                null,
                null,
                null,
                clock.instant(),
                null,
                null);
        customers.insert(workspace, created);
        return created;
    }

    /** The customer the event names by its id, or else by its e-mail. */
    Optional<CustomerTable.Row> find(WorkspaceId workspace, IncomingEvent event) {
        Optional<CustomerTable.Row> found = event.customerExternalId() == null
                ? Optional.empty()
                : customers.byExternalId(workspace, event.customerExternalId());
        if (found.isEmpty() && event.email() != null) {
            found = customers.byEmail(workspace, event.email(), event.customerExternalId());
        }
        return found;
    }

    /** What work on one customer is serialized on: its id, or its e-mail when the event has no id. */
    static String key(IncomingEvent event) {
        return event.customerExternalId() != null ? event.customerExternalId() : String.valueOf(event.email());
    }
}
