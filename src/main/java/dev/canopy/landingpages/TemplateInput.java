package dev.canopy.landingpages;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A template as typed in the editor or sent to the API; checked by the service, each problem on its field. */
public record TemplateInput(
        @Nullable String name,
        @Nullable String headline,
        @Nullable List<Section> sections,
        @Nullable String ctaLabel) {}
