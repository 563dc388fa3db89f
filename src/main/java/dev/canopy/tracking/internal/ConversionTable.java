package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.IncomingEvent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ConversionTable {

    /** @param country the customer's when the conversion was recorded; a refund takes its sale's */
    public record Row(
            UUID id,
            UUID customerId,
            String country,
            UUID eventId,
            ConversionKind kind,
            PartnerId partner,
            ProgramId program,
            Money amount,
            String invoiceId,
            String refundKey,
            String product,
            boolean recurring,
            boolean firstPayment,
            Instant occurredAt,
            boolean applied,
            UUID reverses) {

        /**
         * A conversion of the event's kind for a customer (none for a refund, until it meets its sale) and its
         * partner, with no money attached yet.
         */
        static Row of(
                UUID eventId,
                ConversionKind kind,
                CustomerTable.Row customer,
                PartnerId partner,
                ProgramId program,
                IncomingEvent event) {
            return new Row(
                    UUID.randomUUID(),
                    customer == null ? null : customer.id(),
                    customer == null ? null : customer.country(),
                    eventId,
                    kind,
                    partner,
                    program,
                    null,
                    null,
                    null,
                    event.product(),
                    false,
                    false,
                    event.occurredAt(),
                    true,
                    null);
        }

        /** This conversion as a payment of {@code amount} on an invoice. */
        Row paying(Money paid, String invoice, boolean isRecurring, boolean isFirst) {
            return new Row(
                    id,
                    customerId,
                    country,
                    eventId,
                    kind,
                    partner,
                    program,
                    paid,
                    invoice,
                    refundKey,
                    product,
                    isRecurring,
                    isFirst,
                    occurredAt,
                    applied,
                    reverses);
        }

        /**
         * This conversion as a refund of {@code given} on an invoice: applied to the sale when there is one
         * (its customer and partner), else waiting for it.
         */
        Row refunding(Money given, String invoice, String key, Optional<Row> sale) {
            Row waiting = new Row(
                    id,
                    null,
                    null,
                    eventId,
                    kind,
                    null,
                    null,
                    given,
                    invoice,
                    key,
                    product,
                    false,
                    false,
                    occurredAt,
                    false,
                    null);
            return sale.map(waiting::appliedTo).orElse(waiting);
        }

        /** A refund applied to its sale: it takes the sale's customer, country and partner. */
        Row appliedTo(Row sale) {
            return new Row(
                    id,
                    sale.customerId(),
                    sale.country(),
                    eventId,
                    kind,
                    sale.partner(),
                    sale.program(),
                    amount,
                    invoiceId,
                    refundKey,
                    product,
                    recurring,
                    firstPayment,
                    occurredAt,
                    true,
                    sale.id());
        }
    }

    private static final String COLUMNS = "id, customer_id, country, event_id, kind, partner_id, program_id, amount,"
            + " currency, invoice_id, refund_key, product, recurring, first_payment, occurred_at, applied, reverses";

    private final JdbcClient db;

    ConversionTable(JdbcClient db) {
        this.db = db;
    }

    /** Stores the conversion; false when its unique key (lead per customer, sale per invoice, refund key) is taken. */
    public boolean insert(WorkspaceId workspace, Row c, Instant now) {
        return db.sql("""
                        insert into tracking_conversion (id, workspace_id, customer_id, country, event_id, kind, partner_id,
                          program_id, amount, currency, invoice_id, refund_key, product, recurring, first_payment,
                          occurred_at, recorded_at, applied, reverses)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing
                        """)
                        .params(
                                c.id(),
                                workspace.value(),
                                c.customerId(),
                                c.country(),
                                c.eventId(),
                                c.kind().name(),
                                c.partner() == null ? null : c.partner().value(),
                                c.program() == null ? null : c.program().value(),
                                c.amount() == null ? null : c.amount().amount(),
                                c.amount() == null ? null : c.amount().currencyCode(),
                                c.invoiceId(),
                                c.refundKey(),
                                c.product(),
                                c.recurring(),
                                c.firstPayment(),
                                Timestamp.from(c.occurredAt()),
                                Timestamp.from(now),
                                c.applied(),
                                c.reverses())
                        .update()
                == 1;
    }

    public Optional<Row> sale(WorkspaceId workspace, String invoiceId) {
        return db.sql("select " + COLUMNS
                        + " from tracking_conversion where workspace_id = ? and kind = 'SALE' and invoice_id = ?")
                .params(workspace.value(), invoiceId)
                .query(ConversionTable::row)
                .optional();
    }

    public List<Row> waitingRefunds(WorkspaceId workspace, String invoiceId) {
        return db.sql("select " + COLUMNS + """
                         from tracking_conversion
                        where workspace_id = ? and kind = 'REFUND' and invoice_id = ? and not applied
                        order by occurred_at, id
                        """)
                .params(workspace.value(), invoiceId)
                .query(ConversionTable::row)
                .list();
    }

    /** A waiting refund meets its sale: it takes the sale's customer, country and partner. */
    public void apply(WorkspaceId workspace, UUID refund, Row sale) {
        db.sql("""
                        update tracking_conversion set applied = true, customer_id = ?, country = ?, partner_id = ?,
                          program_id = ?, reverses = ?
                        where workspace_id = ? and id = ?
                        """)
                .params(
                        sale.customerId(),
                        sale.country(),
                        sale.partner() == null ? null : sale.partner().value(),
                        sale.program() == null ? null : sale.program().value(),
                        sale.id(),
                        workspace.value(),
                        refund)
                .update();
    }

    /** What has been refunded of an invoice so far, in {@code currency}. */
    public BigDecimal refundedOf(WorkspaceId workspace, String invoiceId, String currency) {
        return db.sql("""
                        select coalesce(sum(amount), 0) from tracking_conversion
                        where workspace_id = ? and kind = 'REFUND' and invoice_id = ? and currency = ?
                        """)
                .params(workspace.value(), invoiceId, currency)
                .query(BigDecimal.class)
                .single();
    }

    /** What the refunds of one key family (a Stripe charge) add up to so far. */
    public BigDecimal refundedUnder(WorkspaceId workspace, String keyPrefix) {
        return db.sql("""
                        select coalesce(sum(amount), 0) from tracking_conversion
                        where workspace_id = ? and kind = 'REFUND' and starts_with(refund_key, ?)
                        """)
                .params(workspace.value(), keyPrefix)
                .query(BigDecimal.class)
                .single();
    }

    public boolean hasSale(WorkspaceId workspace, UUID customer) {
        return db.sql(
                        "select exists (select 1 from tracking_conversion where workspace_id = ? and customer_id = ? and kind = 'SALE')")
                .params(workspace.value(), customer)
                .query(Boolean.class)
                .single();
    }

    public List<Row> ofCustomer(WorkspaceId workspace, UUID customer) {
        return db.sql(
                        "select " + COLUMNS
                                + " from tracking_conversion where workspace_id = ? and customer_id = ? order by occurred_at, id")
                .params(workspace.value(), customer)
                .query(ConversionTable::row)
                .list();
    }

    /** Sales less refunds of a partner since {@code since}, in one currency. */
    public BigDecimal netRevenue(WorkspaceId workspace, PartnerId partner, String currency, Instant since) {
        return db.sql("""
                        select coalesce(sum(case when kind = 'SALE' then amount else -amount end), 0)
                        from tracking_conversion
                        where workspace_id = ? and partner_id = ? and currency = ? and occurred_at >= ?
                          and kind in ('SALE', 'REFUND') and applied
                        """)
                .params(workspace.value(), partner.value(), currency, Timestamp.from(since))
                .query(BigDecimal.class)
                .single();
    }

    /** Whether any lead was ever attributed to the partner. */
    public boolean anyLead(WorkspaceId workspace, PartnerId partner) {
        return db.sql("""
                        select exists (select 1 from tracking_conversion
                                       where workspace_id = ? and partner_id = ? and kind = 'LEAD')
                        """)
                .params(workspace.value(), partner.value())
                .query(Boolean.class)
                .single();
    }

    /** A partner's net revenue (sales less refunds) in one currency from {@code from} up to, not including, {@code to}. */
    public BigDecimal netRevenue(WorkspaceId workspace, PartnerId partner, String currency, Instant from, Instant to) {
        return db.sql("""
                        select coalesce(sum(case when kind = 'SALE' then amount else -amount end), 0)
                        from tracking_conversion
                        where workspace_id = ? and partner_id = ? and currency = ? and occurred_at >= ?
                          and occurred_at < ? and kind in ('SALE', 'REFUND') and applied
                        """)
                .params(workspace.value(), partner.value(), currency, Timestamp.from(from), Timestamp.from(to))
                .query(BigDecimal.class)
                .single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID partner = rs.getObject("partner_id", UUID.class);
        UUID program = rs.getObject("program_id", UUID.class);
        BigDecimal amount = rs.getBigDecimal("amount");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getString("country"),
                rs.getObject("event_id", UUID.class),
                ConversionKind.valueOf(rs.getString("kind")),
                partner == null ? null : new PartnerId(partner),
                program == null ? null : new ProgramId(program),
                amount == null ? null : Money.of(amount, rs.getString("currency")),
                rs.getString("invoice_id"),
                rs.getString("refund_key"),
                rs.getString("product"),
                rs.getBoolean("recurring"),
                rs.getBoolean("first_payment"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getBoolean("applied"),
                rs.getObject("reverses", UUID.class));
    }
}
