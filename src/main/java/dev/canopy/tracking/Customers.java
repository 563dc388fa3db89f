package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.Cursors;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.AttributionTable;
import dev.canopy.tracking.internal.ConversionTable;
import dev.canopy.tracking.internal.CustomerTable;
import dev.canopy.tracking.internal.EventTable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers learned from leads and sales, with the evidence of who brought them; and the events log. */
@Service
public class Customers {

    /** What the console shows a page at a time. */
    public static final int PAGE = 50;

    /** A page of customers; {@code nextCursor} is the creation time to pass on for the next page. */
    /** A page of customers, newest first; {@code nextCursor} (opaque) continues it, null on the last page. */
    public record CustomerPage(
            List<CustomerView> customers, @Nullable String nextCursor) {}

    /** A received event as the log shows it. */
    public record EventView(
            UUID id,
            EventSource source,
            String externalId,
            String type,
            String payload,
            Instant receivedAt,
            String outcome,
            String explanation,
            UUID customerId,
            @Nullable String customer,
            @Nullable Money amount,
            UUID partnerId,
            String partnerName) {}

    /** A page of the event log, newest first; {@code nextCursor} (opaque) continues it. */
    public record EventPage(
            List<EventView> events, @Nullable String nextCursor) {}

    private final CustomerTable customers;
    private final AttributionTable attributions;
    private final ConversionTable conversions;
    private final EventTable events;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;

    Customers(
            CustomerTable customers,
            AttributionTable attributions,
            ConversionTable conversions,
            EventTable events,
            Partners partners,
            CurrentWorkspace currentWorkspace) {
        this.customers = customers;
        this.attributions = attributions;
        this.conversions = conversions;
        this.events = events;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
    }

    @Transactional(readOnly = true)
    public CustomerPage list(PartnerId partner, String query, @Nullable String cursor, int limit) {
        WorkspaceId workspace = currentWorkspace.id();
        List<CustomerTable.Row> rows =
                customers.list(workspace, partner, query, Cursors.decode(cursor, "cursor"), limit + 1);
        Map<UUID, String> names = names(
                rows.stream().map(r -> r.partner() == null ? null : r.partner().value()));
        List<CustomerView> page = rows.stream()
                .limit(limit)
                .map(r -> view(r, names, List.of(), List.of()))
                .toList();
        return new CustomerPage(
                page,
                rows.size() > limit
                        ? Cursors.encode(new Cursors.Position(
                                page.getLast().createdAt(), page.getLast().id()))
                        : null);
    }

    @Transactional(readOnly = true)
    public CustomerView get(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        CustomerTable.Row row = customers.find(workspace, id).orElseThrow(() -> new NotFoundException("Customer"));
        List<AttributionTable.Row> decisions = attributions.ofCustomer(workspace, id);
        List<ConversionTable.Row> converted = conversions.ofCustomer(workspace, id);
        Map<UUID, String> names = names(Stream.concat(
                Stream.of(row.partner() == null ? null : row.partner().value()),
                decisions.stream().map(AttributionTable.Row::partnerId)));
        return view(
                row,
                names,
                decisions.stream()
                        .map(d -> new CustomerView.Decision(
                                d.decidedAt(),
                                EventOutcome.valueOf(d.outcome()),
                                d.partnerId(),
                                d.partnerId() == null ? null : names.get(d.partnerId()),
                                d.signal(),
                                d.clickId(),
                                d.couponCode(),
                                d.dealId(),
                                d.signalAt(),
                                d.reason()))
                        .toList(),
                converted.stream()
                        .map(c -> new CustomerView.Conversion(
                                c.id(),
                                c.kind(),
                                c.amount(),
                                c.invoiceId(),
                                c.product(),
                                c.recurring(),
                                c.firstPayment(),
                                c.applied(),
                                c.partner() == null ? null : c.partner().value(),
                                c.occurredAt()))
                        .toList());
    }

    @Transactional(readOnly = true)
    public EventPage events(String outcome, String source, @Nullable String cursor) {
        WorkspaceId workspace = currentWorkspace.id();
        List<EventTable.Listed> rows =
                events.list(workspace, blank(outcome), blank(source), Cursors.decode(cursor, "before"), PAGE + 1);
        Map<UUID, String> names = names(rows.stream().map(l -> l.event().partnerId()));
        List<EventView> page = rows.stream()
                .limit(PAGE)
                .map(l -> {
                    EventTable.Row e = l.event();
                    return new EventView(
                            e.id(),
                            e.source(),
                            e.externalId(),
                            e.type(),
                            e.payload(),
                            e.receivedAt(),
                            e.outcome(),
                            e.explanation(),
                            e.customerId(),
                            l.customer(),
                            l.amount() == null ? null : Money.of(l.amount(), l.currency()),
                            e.partnerId(),
                            e.partnerId() == null ? null : names.get(e.partnerId()));
                })
                .toList();
        return new EventPage(
                page,
                rows.size() > PAGE
                        ? Cursors.encode(new Cursors.Position(
                                page.getLast().receivedAt(), page.getLast().id()))
                        : null);
    }

    private CustomerView view(
            CustomerTable.Row r,
            Map<UUID, String> names,
            List<CustomerView.Decision> decisions,
            List<CustomerView.Conversion> conversions) {
        UUID partner = r.partner() == null ? null : r.partner().value();
        return new CustomerView(
                r.id(),
                r.externalId(),
                r.email(),
                r.name(),
                r.domain(),
                r.country(),
                CustomerStatus.valueOf(r.status()),
                partner,
                partner == null ? null : names.get(partner),
                r.program() == null ? null : r.program().value(),
                r.attributedAt(),
                r.createdAt(),
                r.firstSaleAt(),
                r.churnedAt(),
                decisions,
                conversions);
    }

    private Map<UUID, String> names(Stream<UUID> ids) {
        Collection<PartnerId> distinct =
                ids.filter(Objects::nonNull).distinct().map(PartnerId::new).toList();
        return distinct.isEmpty()
                ? Map.of()
                : partners.byIds(distinct).stream().collect(Collectors.toMap(p -> p.id().value(), PartnerView::name));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
