package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.platform.TransactionLocks;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.ConversionAttributed;
import dev.canopy.tracking.ConversionId;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.CustomerId;
import dev.canopy.tracking.EventOutcome;
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
            EventOutcome outcome,
            String explanation,
            UUID customer,
            PartnerId partner,
            ProgramId program,
            AttributionPolicy.Candidate evidence) {

        /** An outcome that concerns no customer (yet). */
        static Result alone(EventOutcome outcome, String explanation) {
            return new Result(outcome, explanation, null, null, null, null);
        }

        static Result of(AttributionPolicy.Decision decision, UUID customer) {
            return new Result(
                    decision.outcome().event(),
                    decision.reason(),
                    customer,
                    decision.partner(),
                    decision.program(),
                    decision.evidence());
        }
    }

    private final EventTable events;
    private final CustomerTable customers;
    private final IntakeCustomers intakeCustomers;
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
            IntakeCustomers intakeCustomers,
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
        this.intakeCustomers = intakeCustomers;
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
                    EventOutcome.valueOf(earlier.outcome()),
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
                result.outcome().name(),
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
        lock(workspace, "customer", IntakeCustomers.key(event));
        CustomerTable.Row customer = intakeCustomers.resolve(workspace, event, "LEAD");
        AttributionPolicy.Decision decision = attribute(workspace, eventId, customer, event);
        ConversionTable.Row lead = ConversionTable.Row.of(
                eventId, ConversionKind.LEAD, customer, decision.partner(), decision.program(), event);
        if (!conversions.insert(workspace, lead, clock.instant())) {
            return new Result(
                    EventOutcome.IGNORED,
                    "This customer's lead was recorded before; a lead counts once. " + decision.reason(),
                    customer.id(),
                    decision.partner(),
                    decision.program(),
                    decision.evidence());
        }
        publish(workspace, lead, customer, decision.evidence());
        return Result.of(decision, customer.id());
    }

    private Result sale(WorkspaceId workspace, UUID eventId, IncomingEvent event) {
        lock(workspace, "customer", IntakeCustomers.key(event));
        lock(workspace, "invoice", event.invoiceId());
        Optional<ConversionTable.Row> recorded = conversions.sale(workspace, event.invoiceId());
        if (recorded.isPresent()) {
            return new Result(
                    EventOutcome.IGNORED,
                    "Invoice " + event.invoiceId() + " was recorded from an earlier event; a payment counts once",
                    recorded.get().customerId(),
                    recorded.get().partner(),
                    recorded.get().program(),
                    null);
        }
        CustomerTable.Row customer = intakeCustomers.resolve(workspace, event, "CUSTOMER");
        AttributionPolicy.Decision decision = attribute(workspace, eventId, customer, event);
        boolean first = !conversions.hasSale(workspace, customer.id());
        ConversionTable.Row sale = ConversionTable.Row.of(
                        eventId, ConversionKind.SALE, customer, decision.partner(), decision.program(), event)
                .paying(event.amount(), event.invoiceId(), event.recurring(), first);
        conversions.insert(workspace, sale, clock.instant());
        customers.paid(workspace, customer.id(), event.occurredAt());
        publish(workspace, sale, customer, decision.evidence());
        StringBuilder notApplied = new StringBuilder();
        for (ConversionTable.Row waiting : conversions.waitingRefunds(workspace, event.invoiceId())) {
            if (!waiting.amount().currency().equals(sale.amount().currency())) {
                // Never silently ignored: it stays waiting, and the answer says why.
                notApplied
                        .append(" The refund of ")
                        .append(waiting.amount())
                        .append(" kept for this invoice is in another currency and was not applied: send it in ")
                        .append(sale.amount().currencyCode())
                        .append('.');
                continue;
            }
            conversions.apply(workspace, waiting.id(), sale);
            publish(workspace, waiting.appliedTo(sale), customer, decision.evidence());
        }
        metrics.measure(workspace, sale.partner(), sale.program());
        Result result = Result.of(decision, customer.id());
        return notApplied.isEmpty()
                ? result
                : new Result(
                        result.outcome(),
                        result.explanation() + notApplied,
                        result.customer(),
                        result.partner(),
                        result.program(),
                        result.evidence());
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
                return Result.alone(
                        EventOutcome.IGNORED,
                        "Refunds of " + event.amount() + " on " + event.refundKey() + " were recorded already");
            }
            key = key + "#" + event.amount().amount().toPlainString();
        }
        Optional<ConversionTable.Row> sale = conversions.sale(workspace, event.invoiceId());
        if (sale.isPresent() && !sale.get().amount().currency().equals(amount.currency())) {
            throw new InvalidInputException(
                    "currency",
                    "Invoice " + event.invoiceId() + " was paid in "
                            + sale.get().amount().currencyCode() + ": send its refund in "
                            + sale.get().amount().currencyCode());
        }
        ConversionTable.Row refund = ConversionTable.Row.of(eventId, ConversionKind.REFUND, null, null, null, event)
                .refunding(amount, event.invoiceId(), key, sale);
        if (!conversions.insert(workspace, refund, clock.instant())) {
            return Result.alone(EventOutcome.IGNORED, "Refund " + key + " was recorded before");
        }
        if (sale.isEmpty()) {
            return Result.alone(
                    EventOutcome.WAITING,
                    "No payment of invoice " + event.invoiceId() + " yet: the refund of " + amount
                            + " is kept and applied when it arrives");
        }
        CustomerTable.Row customer =
                customers.find(workspace, sale.get().customerId()).orElseThrow();
        publish(workspace, refund, customer, null);
        metrics.measure(workspace, refund.partner(), refund.program());
        return new Result(
                EventOutcome.REFUNDED,
                "Refund of " + amount + " on invoice " + event.invoiceId() + beyond(workspace, sale.get(), amount),
                customer.id(),
                refund.partner(),
                refund.program(),
                null);
    }

    /** Says so when the refunds of an invoice now exceed what it was paid: commissions go back to zero, no further. */
    private String beyond(WorkspaceId workspace, ConversionTable.Row sale, Money refund) {
        BigDecimal refunded = conversions.refundedOf(
                workspace, sale.invoiceId(), sale.amount().currencyCode());
        BigDecimal paid = sale.amount().amount();
        if (refunded.compareTo(paid) <= 0) {
            return "";
        }
        BigDecimal left = paid.subtract(refunded.subtract(refund.amount())).max(BigDecimal.ZERO);
        return "; it exceeds what was left of the invoice ("
                + new Money(left, sale.amount().currency()) + " of " + sale.amount()
                + "), so commissions on it are given back to zero and no further";
    }

    private Result churn(WorkspaceId workspace, UUID eventId, IncomingEvent event) {
        lock(workspace, "customer", IntakeCustomers.key(event));
        Optional<CustomerTable.Row> found = intakeCustomers.find(workspace, event);
        if (found.isEmpty()) {
            return Result.alone(EventOutcome.IGNORED, "No customer with this id or email yet");
        }
        CustomerTable.Row customer = found.get();
        customers.churned(workspace, customer.id(), event.occurredAt());
        ConversionTable.Row churn = ConversionTable.Row.of(
                eventId, ConversionKind.CHURN, customer, customer.partner(), customer.program(), event);
        conversions.insert(workspace, churn, clock.instant());
        publish(workspace, churn, customer, null);
        metrics.measure(workspace, customer.partner(), customer.program());
        return new Result(
                EventOutcome.CHURNED,
                "The customer cancelled",
                customer.id(),
                customer.partner(),
                customer.program(),
                null);
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
        attributions.insert(workspace, AttributionTable.Row.of(customer.id(), eventId, clock.instant(), decision));
        if (decision.outcome() == AttributionPolicy.Outcome.ATTRIBUTED
                || decision.outcome() == AttributionPolicy.Outcome.TAKEN_OVER) {
            customers.attribute(workspace, customer.id(), decision.partner(), decision.program(), at);
        }
        return decision;
    }

    private void lock(WorkspaceId workspace, String kind, String key) {
        TransactionLocks.lock(db, workspace.value() + ":" + kind + ":" + key);
    }

    /** Publishes the conversion for the commission engine when it belongs to a partner. */
    private void publish(
            WorkspaceId workspace,
            ConversionTable.Row conversion,
            CustomerTable.Row customer,
            AttributionPolicy.Candidate evidence) {
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
                new ConversionId(conversion.id()),
                conversion.kind(),
                conversion.partner(),
                conversion.program(),
                new CustomerId(customer.id()),
                customer.email(),
                customer.label(),
                customer.domain(),
                conversion.country(),
                conversion.amount(),
                conversion.recurring(),
                conversion.firstPayment(),
                conversion.product(),
                conversion.invoiceId(),
                conversion.reverses() == null ? null : new ConversionId(conversion.reverses()),
                evidence == null ? null : evidence.signal(),
                clickId,
                paidAd,
                conversion.occurredAt()));
    }
}
