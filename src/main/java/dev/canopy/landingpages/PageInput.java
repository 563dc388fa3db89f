package dev.canopy.landingpages;

import org.jspecify.annotations.Nullable;

/**
 * A partner's page as its admin sets it: the published template it uses, whether it is on, its text (Markdown or
 * limited HTML) and the contact shown to visitors.
 */
public record PageInput(
        @Nullable String templateId,
        boolean enabled,
        @Nullable String text,
        @Nullable String contactEmail,
        @Nullable String contactPhone) {}
