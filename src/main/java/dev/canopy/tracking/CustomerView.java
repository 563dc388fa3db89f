package dev.canopy.tracking;

import dev.canopy.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A customer with the partner it belongs to and, on its page, every decision and conversion. */
public record CustomerView(
        UUID id,
        @Nullable String externalId,
        @Nullable String email,
        @Nullable String name,
        @Nullable String domain,
        @Nullable String country,
        CustomerStatus status,
        @Nullable UUID partnerId,
        @Nullable String partnerName,
        @Nullable UUID programId,
        @Nullable Instant attributedAt,
        Instant createdAt,
        @Nullable Instant firstSaleAt,
        @Nullable Instant churnedAt,
        List<Decision> decisions,
        List<Conversion> conversions) {

    /** One attribution decision with its evidence. */
    @Schema(name = "AttributionDecision")
    public record Decision(
            Instant decidedAt,
            EventOutcome outcome,
            @Nullable UUID partnerId,
            @Nullable String partnerName,
            @Nullable AttributionSignal signal,
            @Nullable UUID clickId,
            @Nullable String couponCode,
            @Nullable UUID dealId,
            @Nullable Instant signalAt,
            String reason) {}

    public record Conversion(
            UUID id,
            ConversionKind kind,
            @Nullable Money amount,
            @Nullable String invoiceId,
            @Nullable String product,
            boolean recurring,
            boolean firstPayment,
            boolean applied,
            @Nullable UUID partnerId,
            Instant occurredAt) {}
}
