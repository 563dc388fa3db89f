package dev.canopy.landingpages;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A visitor sent a partner's landing page form; the lead went to tracking's intake ({@code ConversionAttributed}
 * tells whom it was attributed to). {@code clickId} is the tracking link's click the visitor came through, if any.
 */
public record LandingPageLeadReceived(
        WorkspaceId workspace,
        PartnerId partner,
        UUID template,
        UUID lead,
        @Nullable UUID clickId,
        Instant at) implements DomainEvent {}
