package dev.canopy.tracking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer with the partner it belongs to and, on its page, every decision and conversion. */
public record CustomerView(
        UUID id,
        String externalId,
        String email,
        String name,
        String domain,
        String country,
        String status,
        UUID partnerId,
        String partnerName,
        UUID programId,
        Instant attributedAt,
        Instant createdAt,
        Instant firstSaleAt,
        Instant churnedAt,
        List<Decision> decisions,
        List<Conversion> conversions) {

    /** One attribution decision with its evidence. */
    public record Decision(
            Instant decidedAt,
            String outcome,
            UUID partnerId,
            String partnerName,
            AttributionSignal signal,
            UUID clickId,
            String couponCode,
            UUID dealId,
            Instant signalAt,
            String reason) {}

    public record Conversion(
            UUID id,
            ConversionKind kind,
            String amount,
            String invoiceId,
            String product,
            boolean recurring,
            boolean firstPayment,
            boolean applied,
            UUID partnerId,
            Instant occurredAt) {}
}
