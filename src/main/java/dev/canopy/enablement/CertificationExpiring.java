package dev.canopy.enablement;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** A certificate expires in {@code daysLeft} days (60, 30 or 7): its holder was reminded, once for each. */
public record CertificationExpiring(
        WorkspaceId workspace,
        UUID certificate,
        String certification,
        PartnerId partner,
        UUID personId,
        String person,
        int daysLeft,
        Instant expiresAt)
        implements DomainEvent {}
