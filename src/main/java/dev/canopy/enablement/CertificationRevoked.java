package dev.canopy.enablement;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** Staff revoked a certificate, and why: its holder no longer counts as certified. */
public record CertificationRevoked(
        WorkspaceId workspace,
        UUID certificate,
        String certification,
        PartnerId partner,
        UUID personId,
        String person,
        String reason,
        String by,
        Instant at)
        implements DomainEvent {}
