package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/**
 * A registration was approved: {@code partner} holds the account ({@code registrableDomain}) until
 * {@code protectedUntil}, ahead of clicks and coupons. Published again with a later
 * {@code protectedUntil} when the protection is extended.
 */
public record DealRegistrationApproved(
        WorkspaceId workspace,
        DealId dealId,
        PartnerId partner,
        ProgramId program,
        String accountName,
        String registrableDomain,
        Instant approvedAt,
        Instant protectedUntil)
        implements DomainEvent {}
