package dev.canopy.landingpages;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** A partner's admin turned its landing page on ({@code enabled} true) or off, on the template named. */
public record LandingPageEnabled(
        WorkspaceId workspace, PartnerId partner, UUID template, String slug, boolean enabled, String by, Instant at)
        implements DomainEvent {}
