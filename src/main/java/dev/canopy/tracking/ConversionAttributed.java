package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's customer converted: published once per lead, sale, refund and churn of a customer that is
 * attributed to a partner, for the commission engine. A replayed or duplicated source event never
 * publishes it twice; a refund that arrived before its sale is published right after the sale.
 *
 * @param customerName the customer as people read it: its name, else its email, else its id in the vendor's own
 *     system (a Stripe customer id, say); null when none is known
 * @param country the customer's ISO 3166-1 alpha-2 country when it converted, null when unknown; a refund
 *     carries its sale's, so it is reversed under the same rules
 * @param amount what was paid or refunded (null for leads and churn), in the currency of the payment
 * @param reverses for a refund, the sale it gives money back on
 * @param signal how the customer was attributed; with {@code clickId} and {@code paidAd} (the ad click
 *     parameter the click carried, if any) as evidence for fraud checks
 */
public record ConversionAttributed(
        WorkspaceId workspace,
        ConversionId conversionId,
        ConversionKind kind,
        PartnerId partner,
        ProgramId program,
        CustomerId customerId,
        String customerEmail,
        String customerName,
        String customerDomain,
        String country,
        Money amount,
        boolean recurring,
        boolean firstPayment,
        String product,
        String invoiceId,
        ConversionId reverses,
        AttributionSignal signal,
        UUID clickId,
        String paidAd,
        Instant occurredAt)
        implements DomainEvent {}
