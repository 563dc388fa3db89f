package dev.canopy.landingpages;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** Staff published a landing page template ({@code published} true) or withdrew it (false). */
public record LandingPageTemplatePublished(
        WorkspaceId workspace, UUID template, String name, boolean published, String by, Instant at)
        implements DomainEvent {}
