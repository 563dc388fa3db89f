package dev.canopy.webhooks.internal;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.webhooks.WebhookEndpoint;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each domain event into a message and a delivery per endpoint that wants it, in the transaction that
 * published the event: a change committed is announced, a change rolled back never is, and nothing is sent from
 * here — {@link Dispatcher} sends what is committed, woken as soon as it is.
 */
@Component
public class Outbox {

    /** The type of the message "send test event" sends. */
    public static final String TEST_TYPE = "webhook.test";

    private final EndpointTable endpoints;
    private final DeliveryTable deliveries;
    private final EventTypes types;
    private final JsonMapper json;
    private final Dispatcher dispatcher;
    private final Clock clock;

    Outbox(
            EndpointTable endpoints,
            DeliveryTable deliveries,
            EventTypes types,
            JsonMapper json,
            Dispatcher dispatcher,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.types = types;
        this.json = json;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @EventListener
    void on(DomainEvent event) {
        WorkspaceId workspace = workspaceOf(event);
        if (workspace == null) {
            return;
        }
        String type = types.of(event.getClass());
        List<WebhookEndpoint> wanting =
                endpoints.enabled(workspace).stream().filter(e -> e.wants(type)).toList();
        if (wanting.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String id = record(workspace, type, json.valueToTree(event), now);
        for (WebhookEndpoint endpoint : wanting) {
            deliveries.deliver(workspace, endpoint.id(), id, types.ordered(type), now);
        }
        wakeAfterCommit();
    }

    /** A {@link #TEST_TYPE} message to {@code endpoint} alone, due at once; answers its id. */
    public String test(WorkspaceId workspace, WebhookEndpoint endpoint) {
        Instant now = clock.instant();
        String id = record(
                workspace,
                TEST_TYPE,
                Map.of("endpointId", endpoint.id().toString(), "message", "A test event sent from Canopy"),
                now);
        deliveries.deliver(workspace, endpoint.id(), id, false, now);
        wakeAfterCommit();
        return id;
    }

    /** The dispatcher sends what this transaction queued as soon as it is committed, not at its next poll. */
    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wake();
                }
            });
        }
    }

    /** A message of {@code type} with {@code data}, in the documented envelope; answers its id. */
    private String record(WorkspaceId workspace, String type, Object data, Instant at) {
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type);
        envelope.put("timestamp", at.toString());
        envelope.put("data", data);
        deliveries.message(workspace, id, type, json.writeValueAsString(envelope), at);
        return id;
    }

    /** Every event names its workspace in a component of type {@link WorkspaceId}. */
    private static WorkspaceId workspaceOf(DomainEvent event) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        if (components == null) {
            return null;
        }
        for (RecordComponent component : components) {
            if (component.getType() == WorkspaceId.class) {
                try {
                    return (WorkspaceId) component.getAccessor().invoke(event);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read the workspace of " + event, e);
                }
            }
        }
        return null;
    }
}
