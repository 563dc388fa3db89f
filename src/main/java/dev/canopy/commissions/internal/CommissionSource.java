package dev.canopy.commissions.internal;

import dev.canopy.commissions.CommissionBasis;
import dev.canopy.deals.DealWon;
import dev.canopy.deals.RevenueBasis;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.tracking.ConversionAttributed;
import dev.canopy.tracking.ConversionKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversion, won deal, bounty or day of clicks as the engine sees it, made by one of the named factories.
 * {@code basis} is PAYMENT for sales and refunds, CONTRACT_VALUE or LIST_PRICE for won deals, null otherwise;
 * {@code ruleId} is the rule a bounty was granted under (null otherwise); {@code quantity} the number of clicks
 * (1 otherwise).
 */
public record CommissionSource(
        UUID id,
        Kind kind,
        PartnerId partner,
        ProgramId program,
        UUID tierId,
        UUID customerId,
        String customerEmail,
        String customerDomain,
        String country,
        List<String> products,
        Money amount,
        CommissionBasis basis,
        boolean firstPayment,
        UUID reverses,
        String paidAd,
        String description,
        Instant occurredAt,
        UUID ruleId,
        int quantity) {

    /** What a source is; stored by name. */
    public enum Kind {
        LEAD,
        SALE,
        REFUND,
        DEAL_WON,
        BOUNTY,
        CLICK
    }

    /** An attributed lead, sale or refund (not churn), in the partner's tier {@code tierId}. */
    public static CommissionSource of(ConversionAttributed c, UUID tierId) {
        // People read this on statements and in the console: the customer as tracking names it, never by Canopy's id.
        String customer = c.customerName() != null ? c.customerName() : "a customer";
        Kind kind = Kind.valueOf(c.kind().name());
        String description = switch (kind) {
            case LEAD -> "Lead " + customer;
            case SALE ->
                (c.firstPayment() ? "First payment" : "Payment") + " of " + c.amount() + " by " + customer
                        + (c.invoiceId() == null ? "" : ", invoice " + c.invoiceId());
            default -> "Refund of " + c.amount() + " to " + customer;
        };
        return new CommissionSource(
                c.conversionId().value(),
                kind,
                c.partner(),
                c.program(),
                tierId,
                c.customerId() == null ? null : c.customerId().value(),
                c.customerEmail(),
                c.customerDomain(),
                c.country(),
                c.product() == null ? List.of() : List.of(c.product()),
                c.amount(),
                c.kind() == ConversionKind.LEAD ? null : CommissionBasis.PAYMENT,
                c.firstPayment(),
                c.reverses() == null ? null : c.reverses().value(),
                c.paidAd(),
                description,
                c.occurredAt(),
                null,
                1);
    }

    /** A won deal: a referral fee on first-year contract value, or a reseller margin on list price. */
    public static CommissionSource of(DealWon won, UUID tierId) {
        return new CommissionSource(
                won.dealId().value(),
                Kind.DEAL_WON,
                won.partner(),
                won.program(),
                tierId,
                null,
                null,
                won.registrableDomain(),
                null,
                won.products(),
                won.amount(),
                won.basis() == RevenueBasis.LIST_PRICE ? CommissionBasis.LIST_PRICE : CommissionBasis.CONTRACT_VALUE,
                false,
                null,
                null,
                "Deal won: " + won.accountName() + " (" + won.amount() + ")",
                won.wonAt(),
                null,
                1);
    }

    /** A source with no customer, product, amount or basis: a bounty granted under a rule, or a day's clicks. */
    public static CommissionSource flat(
            UUID id,
            Kind kind,
            PartnerId partner,
            ProgramId program,
            UUID tierId,
            String description,
            Instant occurredAt,
            UUID ruleId,
            int quantity) {
        return new CommissionSource(
                id,
                kind,
                partner,
                program,
                tierId,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                false,
                null,
                null,
                description,
                occurredAt,
                ruleId,
                quantity);
    }
}
