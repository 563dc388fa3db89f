package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.platform.RegistrableDomain;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.ConversionAttributed;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.IncomingEvent;
import dev.canopy.tracking.IntakeOutcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one received event into customers, conversions and attribution decisions, in one transaction.
 * The event row is claimed first: a redelivery (even a concurrent one, which waits on the claim) finds it
 * and changes nothing. Work on one customer and on one invoice is serialized with advisory locks, so a
 * sale and its refund arriving together, in any order, end in the same state.
 */
@Component
public class IntakeProcessor {

    private record Result(
            String outcome,
            String explanation,
            UUID customer,
            PartnerId partner,
            ProgramId program,
            AttributionPolicy.Candidate evidence) {}

    private final EventTable events;
    private final CustomerTable customers;
    private final ConversionTable conversions;
    private final AttributionTable attributions;
    private final ClickTable clicks;
    private final ProgramPolicyTable policies;
    private final AttributionSignals signals;
    private final ConversionMetrics metrics;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient db;
    private final Clock clock;

    IntakeProcessor(
            EventTable events,
            CustomerTable customers,
            ConversionTable conversions,
            AttributionTable attributions,
            ClickTable clicks,
            ProgramPolicyTable policies,
            AttributionSignals signals,
            ConversionMetrics metrics,
            ApplicationEventPublisher publisher,
            JdbcClient db,
            Clock clock) {
        this.events = events;
        this.customers = customers;
        this.conversions = conversions;
        this.attributions = attributions;
        this.clicks = clicks;
        this.policies = policies;
        this.signals = signals;
        this.metrics = metrics;
        this.publisher = publisher;
        this.db = db;
        this.clock = clock;
    }

    @Transactional
    public IntakeOutcome process(WorkspaceId workspace, IncomingEvent event) {
        Optional<UUID> claimed = events.claim(
                workspace, event.source(), event.externalId(), event.type(), event.payload(), clock.instant());
        if (claimed.isEmpty()) {
            EventTable.Row earlier =
                    events.find(workspace, event.source(), event.externalId()).orElseThrow();
            return new IntakeOutcome(
                    earlier.id(),
                    earlier.outcome(),
                    true,
                    earlier.customerId(),
                    earlier.partnerId(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "Received before: " + earlier.explanation());
        }
        UUID eventId = claimed.get();
        Result result = switch (event.kind()) {
            case LEAD -> lead(workspace, eventId, event);
            case SALE -> sale(workspace, eventId, event);
            case REFUND -> refund(workspace, eventId, event);
            case CHURN -> churn(workspace, eventId, event);
        };
        events.decide(
                workspace,
                eventId,
                result.outcome(),
                result.explanation(),
                result.customer(),
                result.partner() == null ? null : result.partner().value());
        AttributionPolicy.Candidate evidence = result.evidence();
        return new IntakeOutcome(
                eventId,
                result.outcome(),
                false,
                result.customer(),
                result.partner() == null ? null : result.partner().value(),
                result.program() == null ? null : result.program().value(),
                evidence == null ? null : evidence.signal(),
                evidence == null ? null : evidence.clickId(),
                evidence == null ? null : evidence.couponCode(),
                evidence == null ? null : evidence.dealId(),
                evidence == null ? null : evidence.at(),
                result.explanation());
    }

    private Result lead(WorkspaceId workspace, UUID eventId, IncomingEvent event) {
        lock(workspace, "customer", customerKey(event));
        CustomerTable.Row customer = resolve(workspace, event, "LEAD");
        AttributionPolicy.Decision decision = attribute(workspace, eventId, customer, event);
        ConversionTable.Row lead = conversion(eventId, customer.id(), ConversionKind.LEAD, decision, event, null);
        if (!conversions.insert(workspace, lead, clock.instant())) {
            return new Result(
                    "IGNORED",
                    "This customer's lead was recorded before; a lead counts once. " + decision.reason(),
                    customer.id(),
                    decision.partner(),
                    decision.program(),
                    decision.evidence());
        }
        publish(workspace, lead, customer, decision.evidence(), false);
        return result(decision, customer.id());
    }

    private Result sale(WorkspaceId workspace, UUID eventId, IncomingEvent event) {
        lock(workspace, "customer", customerKey(event));
        lock(workspace, "invoice", event.invoiceId());
        Optional<ConversionTable.Row> recorded = conversions.sale(workspace, event.invoiceId());
        if (recorded.isPresent()) {
            return new Result(
                    "IGNORED",
                    "Invoice " + event.invoiceId() + " was recorded from an earlier event; a payment counts once",
                    recorded.get().customerId(),
                    recorded.get().partner(),
                    recorded.get().program(),
                    null);
        }
        CustomerTable.Row customer = resolve(workspace, event, "CUSTOMER");
        AttributionPolicy.Decision decision = attribute(workspace, eventId, customer, event);
        boolean first = !conversions.hasSale(workspace, customer.id());
        ConversionTable.Row sale = conversion(eventId, customer.id(), ConversionKind.SALE, decision, event, null);
        sale = new ConversionTable.Row(
                sale.id(),
                sale.customerId(),
                eventId,
                ConversionKind.SALE,
                sale.partner(),
                sale.program(),
                event.amount(),
                event.invoiceId(),
                null,
                event.product(),
                event.recurring(),
                first,
                event.occurredAt(),
                true,
                null);
        conversions.insert(workspace, sale, clock.instant());
        customers.paid(workspace, customer.id(), event.occurredAt());
        publish(workspace, sale, customer, decision.evidence(), false);
        for (ConversionTable.Row waiting : conversions.waitingRefunds(workspace, event.invoiceId())) {
            conversions.apply(workspace, waiting.id(), sale);
            publish(workspace, reversing(waiting, sale), customer, decision.evidence(), true);
        }
        metrics.measure(workspace, sale.partner(), sale.program());
        return result(decision, customer.id());
    }

    private Result refund(WorkspaceId workspace, UUID eventId, IncomingEvent event) {
        lock(workspace, "invoice", event.invoiceId());
        Money amount = event.amount();
        String key = event.refundKey();
        if (event.cumulativeRefund()) {
            BigDecimal before = conversions.refundedUnder(workspace, key + "#");
            amount = new Money(
                    event.amount().amount().subtract(before), event.amount().currency());
            if (amount.isNegative() || amount.isZero()) {
                return new Result(
                        "IGNORED",
                        "Refunds of " + event.amount() + " on " + event.refundKey() + " were recorded already",
                        null,
                        null,
                        null,
                        null);
            }
            key = key + "#" + event.amount().amount().toPlainString();
        }
        Optional<ConversionTable.Row> sale = conversions.sale(workspace, event.invoiceId());
        ConversionTable.Row refund = new ConversionTable.Row(
                UUID.randomUUID(),
                sale.map(ConversionTable.Row::customerId).orElse(null),
                eventId,
                ConversionKind.REFUND,
                sale.map(ConversionTable.Row::partner).orElse(null),
                sale.map(ConversionTable.Row::program).orElse(null),
                amount,
                event.invoiceId(),
                key,
                event.product(),
                false,
                false,
                event.occurredAt(),
                sale.isPresent(),
                sale.map(ConversionTable.Row::id).orElse(null));
        if (!conversions.insert(workspace, refund, clock.instant())) {
            return new Result("IGNORED", "Refund " + key + " was recorded before", null, null, null, null);
        }
        if (sale.isEmpty()) {
            return new Result(
                    "WAITING",
                    "No payment of invoice " + event.invoiceId() + " yet: the refund of " + amount
                            + " is kept and applied when it arrives",
                    null,
                    null,
                    null,
                    null);
        }
        CustomerTable.Row customer =
                customers.find(workspace, sale.get().customerId()).orElseThrow();
        publish(workspace, refund, customer, null, true);
        metrics.measure(workspace, refund.partner(), refund.program());
        return new Result(
                "REFUNDED",
                "Refund of " + amount + " on invoice " + event.invoiceId(),
                customer.id(),
                refund.partner(),
                refund.program(),
                null);
    }

    private Result churn(WorkspaceId workspace, UUID eventId, IncomingEvent event) {
        lock(workspace, "customer", customerKey(event));
        Optional<CustomerTable.Row> found = find(workspace, event);
        if (found.isEmpty()) {
            return new Result("IGNORED", "No customer with this id or email yet", null, null, null, null);
        }
        CustomerTable.Row customer = found.get();
        customers.churned(workspace, customer.id(), event.occurredAt());
        ConversionTable.Row churn = new ConversionTable.Row(
                UUID.randomUUID(),
                customer.id(),
                eventId,
                ConversionKind.CHURN,
                customer.partner(),
                customer.program(),
                null,
                null,
                null,
                event.product(),
                false,
                false,
                event.occurredAt(),
                true,
                null);
        conversions.insert(workspace, churn, clock.instant());
        publish(workspace, churn, customer, null, false);
        metrics.measure(workspace, customer.partner(), customer.program());
        return new Result(
                "CHURNED", "The customer cancelled", customer.id(), customer.partner(), customer.program(), null);
    }

    /** Gathers every signal the event and the customer's domain carry, decides, and keeps the decision. */
    private AttributionPolicy.Decision attribute(
            WorkspaceId workspace, UUID eventId, CustomerTable.Row customer, IncomingEvent event) {
        Instant at = event.occurredAt();
        AttributionSignals.Gathered gathered = signals.gather(workspace, customer.domain(), event);
        Optional<AttributionPolicy.Current> current = Optional.ofNullable(customer.partner())
                .map(partner -> new AttributionPolicy.Current(
                        partner,
                        customer.program(),
                        customer.attributedAt(),
                        policies.of(workspace, customer.program()).allowTakeover()));
        AttributionPolicy.Decision decision =
                AttributionPolicy.decide(current, gathered.candidates(), gathered.whyNone());
        AttributionPolicy.Candidate evidence = decision.evidence();
        attributions.insert(
                workspace,
                new AttributionTable.Row(
                        UUID.randomUUID(),
                        customer.id(),
                        eventId,
                        clock.instant(),
                        decision.outcome().name(),
                        decision.partner() == null ? null : decision.partner().value(),
                        decision.program() == null ? null : decision.program().value(),
                        evidence == null ? null : evidence.signal(),
                        evidence == null ? null : evidence.clickId(),
                        evidence == null ? null : evidence.couponCode(),
                        evidence == null ? null : evidence.dealId(),
                        evidence == null ? null : evidence.at(),
                        decision.reason()));
        if (decision.outcome() == AttributionPolicy.Outcome.ATTRIBUTED
                || decision.outcome() == AttributionPolicy.Outcome.TAKEN_OVER) {
            customers.attribute(workspace, customer.id(), decision.partner(), decision.program(), at);
        }
        return decision;
    }

    private CustomerTable.Row resolve(WorkspaceId workspace, IncomingEvent event, String status) {
        String domain = event.email() == null
                ? null
                : RegistrableDomain.of(event.email())
                        .orElse(event.email().substring(event.email().indexOf('@') + 1));
        Optional<CustomerTable.Row> found = find(workspace, event);
        if (found.isPresent()) {
            customers.complete(
                    workspace, found.get().id(), event.customerExternalId(), event.email(), event.name(), domain);
            return customers.find(workspace, found.get().id()).orElseThrow();
        }
        CustomerTable.Row created = new CustomerTable.Row(
                UUID.randomUUID(),
                event.customerExternalId(),
                event.email(),
                event.name(),
                domain,
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

    private Optional<CustomerTable.Row> find(WorkspaceId workspace, IncomingEvent event) {
        Optional<CustomerTable.Row> found = event.customerExternalId() == null
                ? Optional.empty()
                : customers.byExternalId(workspace, event.customerExternalId());
        if (found.isEmpty() && event.email() != null) {
            found = customers.byEmail(workspace, event.email(), event.customerExternalId());
        }
        return found;
    }

    private static String customerKey(IncomingEvent event) {
        return event.customerExternalId() != null ? event.customerExternalId() : String.valueOf(event.email());
    }

    private void lock(WorkspaceId workspace, String kind, String key) {
        db.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(workspace.value() + ":" + kind + ":" + key)
                .query((rs, n) -> 1)
                .list();
    }

    private static ConversionTable.Row conversion(
            UUID eventId,
            UUID customer,
            ConversionKind kind,
            AttributionPolicy.Decision decision,
            IncomingEvent event,
            UUID reverses) {
        return new ConversionTable.Row(
                UUID.randomUUID(),
                customer,
                eventId,
                kind,
                decision.partner(),
                decision.program(),
                null,
                null,
                null,
                event.product(),
                false,
                false,
                event.occurredAt(),
                true,
                reverses);
    }

    private static ConversionTable.Row reversing(ConversionTable.Row refund, ConversionTable.Row sale) {
        return new ConversionTable.Row(
                refund.id(),
                sale.customerId(),
                refund.eventId(),
                ConversionKind.REFUND,
                sale.partner(),
                sale.program(),
                refund.amount(),
                refund.invoiceId(),
                refund.refundKey(),
                refund.product(),
                false,
                false,
                refund.occurredAt(),
                true,
                sale.id());
    }

    private static Result result(AttributionPolicy.Decision decision, UUID customer) {
        return new Result(
                decision.outcome().name(),
                decision.reason(),
                customer,
                decision.partner(),
                decision.program(),
                decision.evidence());
    }

    /** Publishes the conversion for the commission engine when it belongs to a partner. */
    private void publish(
            WorkspaceId workspace,
            ConversionTable.Row conversion,
            CustomerTable.Row customer,
            AttributionPolicy.Candidate evidence,
            boolean refund) {
        if (conversion.partner() == null) {
            return;
        }
        UUID clickId = evidence == null ? null : evidence.clickId();
        String paidAd = clickId == null
                ? null
                : clicks.find(workspace, clickId)
                        .map(ClickTable.StoredClick::paidAd)
                        .orElse(null);
        publisher.publishEvent(new ConversionAttributed(
                workspace,
                conversion.id(),
                conversion.kind(),
                conversion.partner(),
                conversion.program(),
                customer.id(),
                customer.email(),
                customer.domain(),
                conversion.amount(),
                conversion.recurring(),
                conversion.firstPayment(),
                conversion.product(),
                conversion.invoiceId(),
                refund ? conversion.reverses() : null,
                evidence == null ? null : evidence.signal(),
                clickId,
                paidAd,
                conversion.occurredAt()));
    }
}
