package dev.canopy.landingpages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A landing page template as staff see it, with how many partners' pages use it. */
public record TemplateView(
        UUID id,
        String name,
        String headline,
        List<Section> sections,
        String ctaLabel,
        boolean published,
        long pages,
        Instant updatedAt,
        String updatedBy) {}
