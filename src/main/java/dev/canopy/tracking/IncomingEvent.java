package dev.canopy.tracking;

import dev.canopy.shared.Money;
import java.time.Instant;

/**
 * A lead, sale, refund or churn as any source reports it, checked and normalized: the events API, the
 * Stripe webhook and the website snippet all come down to this.
 *
 * @param externalId the source's id of the event, unique per source: what makes a redelivery a no-op
 * @param country the customer's ISO 3166-1 alpha-2 country, when the source knows it
 * @param refundKey what identifies a refund (its own id); for Stripe, the charge, whose refunded total
 *     grows with each partial refund ({@code cumulativeRefund})
 * @param payload the event exactly as received, kept for the events log
 */
public record IncomingEvent(
        EventSource source,
        String externalId,
        ConversionKind kind,
        String type,
        String customerExternalId,
        String email,
        String name,
        String country,
        String clickId,
        String partnerRef,
        String couponCode,
        String invoiceId,
        String refundKey,
        boolean cumulativeRefund,
        Money amount,
        String product,
        boolean recurring,
        Instant occurredAt,
        String payload) {}
