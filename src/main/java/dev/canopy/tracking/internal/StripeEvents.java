package dev.canopy.tracking.internal;

import dev.canopy.shared.CountryCode;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.Money;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.EventSource;
import dev.canopy.tracking.IncomingEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's events in Canopy's terms: checkout.session.completed and customer.created are leads (the
 * click id in client_reference_id or metadata.cnp_click), invoice.paid is a sale (recurring when it bills
 * a subscription), charge.refunded a refund (Stripe sends the charge's refunded total, which grows with
 * each partial refund), customer.subscription.deleted is churn. Other types are not Canopy's concern. The
 * customer's country is the one on the address the session, customer or invoice carries.
 */
public final class StripeEvents {

    private StripeEvents() {}

    public static Optional<IncomingEvent> map(JsonNode event, String payload) {
        String id = text(event, "id");
        String type = text(event, "type");
        JsonNode object = event.path("data").path("object");
        if (id == null || type == null || !object.isObject()) {
            return Optional.empty();
        }
        Instant at = event.path("created").isNumber()
                ? Instant.ofEpochSecond(event.path("created").asLong())
                : Instant.EPOCH;
        JsonNode metadata = object.path("metadata");
        return switch (type) {
            case "checkout.session.completed" ->
                Optional.of(event(
                        id,
                        type,
                        ConversionKind.LEAD,
                        text(object, "customer"),
                        email(firstText(object.path("customer_details"), "email", text(object, "customer_email"))),
                        text(object.path("customer_details"), "name"),
                        country(object.path("customer_details").path("address")),
                        firstText(object, "client_reference_id", text(metadata, "cnp_click")),
                        text(metadata, "cnp_ref"),
                        text(metadata, "coupon"),
                        null,
                        null,
                        null,
                        false,
                        at,
                        payload,
                        null));
            case "customer.created" ->
                Optional.of(event(
                        id,
                        type,
                        ConversionKind.LEAD,
                        text(object, "id"),
                        email(text(object, "email")),
                        text(object, "name"),
                        country(object.path("address")),
                        text(metadata, "cnp_click"),
                        text(metadata, "cnp_ref"),
                        text(metadata, "coupon"),
                        null,
                        null,
                        null,
                        false,
                        at,
                        payload,
                        null));
            case "invoice.paid" -> invoicePaid(id, type, object, metadata, at, payload);
            case "charge.refunded" -> chargeRefunded(id, type, object, at, payload);
            case "customer.subscription.deleted" ->
                Optional.of(event(
                        id,
                        type,
                        ConversionKind.CHURN,
                        text(object, "customer"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        at,
                        payload,
                        null));
            default -> Optional.empty();
        };
    }

    private static Optional<IncomingEvent> invoicePaid(
            String id, String type, JsonNode invoice, JsonNode metadata, Instant at, String payload) {
        Optional<Money> paid = money(invoice, "amount_paid");
        if (paid.isEmpty() || paid.get().isZero()) {
            return Optional.empty(); // trials and fully discounted invoices pay nobody anything
        }
        String reason = text(invoice, "billing_reason");
        boolean recurring = text(invoice, "subscription") != null
                || invoice.path("parent").path("subscription_details").isObject()
                || reason != null && reason.startsWith("subscription");
        JsonNode line = invoice.path("lines").path("data").path(0);
        String product = firstText(
                line.path("price"),
                "product",
                firstText(line.path("pricing").path("price_details"), "product", text(line, "description")));
        String coupon = firstText(invoice.path("discount").path("coupon"), "id", text(metadata, "coupon"));
        return Optional.of(event(
                id,
                type,
                ConversionKind.SALE,
                text(invoice, "customer"),
                email(text(invoice, "customer_email")),
                text(invoice, "customer_name"),
                country(invoice.path("customer_address")),
                text(metadata, "cnp_click"),
                text(metadata, "cnp_ref"),
                coupon,
                text(invoice, "id"),
                null,
                paid.get(),
                recurring,
                at,
                payload,
                product));
    }

    private static Optional<IncomingEvent> chargeRefunded(
            String id, String type, JsonNode charge, Instant at, String payload) {
        String invoice = firstText(charge, "invoice", text(charge.path("metadata"), "invoice"));
        Optional<Money> refunded = money(charge, "amount_refunded");
        if (invoice == null || refunded.isEmpty() || refunded.get().isZero()) {
            return Optional.empty(); // a charge outside an invoice was never a Canopy sale
        }
        return Optional.of(event(
                id,
                type,
                ConversionKind.REFUND,
                text(charge, "customer"),
                null,
                null,
                null,
                null,
                null,
                null,
                invoice,
                text(charge, "id"),
                refunded.get(),
                false,
                at,
                payload,
                null));
    }

    private static IncomingEvent event(
            String id,
            String type,
            ConversionKind kind,
            String customer,
            String email,
            String name,
            String country,
            String click,
            String ref,
            String coupon,
            String invoice,
            String refundKey,
            Money amount,
            boolean recurring,
            Instant at,
            String payload,
            String product) {
        return new IncomingEvent(
                EventSource.STRIPE,
                id,
                kind,
                type,
                customer,
                email,
                name,
                country,
                click,
                ref,
                coupon,
                invoice,
                refundKey,
                refundKey != null,
                amount,
                product,
                recurring,
                at,
                payload);
    }

    /** Stripe amounts are integers in the currency's minor unit (cents; yen for JPY). */
    private static Optional<Money> money(JsonNode object, String field) {
        String code = text(object, "currency");
        if (!object.path(field).isIntegralNumber() || code == null) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
            BigDecimal amount = BigDecimal.valueOf(object.path(field).asLong())
                    .movePointLeft(Math.max(currency.getDefaultFractionDigits(), 0));
            return Optional.of(new Money(amount, currency));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String email(String raw) {
        return EmailAddress.parse(raw).map(EmailAddress::value).orElse(null);
    }

    /** Stripe's country when it is one Canopy knows; a webhook cannot be refused for it, so otherwise none. */
    private static String country(JsonNode address) {
        return CountryCode.parse(text(address, "country"))
                .map(CountryCode::value)
                .orElse(null);
    }

    private static String firstText(JsonNode node, String field, String otherwise) {
        String value = text(node, field);
        return value != null ? value : otherwise;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
