package dev.canopy.enablement;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** A certificate reached its expiry without a renewal: its holder no longer counts as certified. */
public record CertificationExpired(
        WorkspaceId workspace,
        UUID certificate,
        String certification,
        PartnerId partner,
        UUID personId,
        String person,
        Instant expiredAt)
        implements DomainEvent {}
