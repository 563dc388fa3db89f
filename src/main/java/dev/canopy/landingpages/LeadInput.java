package dev.canopy.landingpages;

import org.jspecify.annotations.Nullable;

/**
 * A visitor's request through a partner's landing page. {@code token} is the form's own id: the same form sent twice
 * is one lead. {@code clickId} is the tracking link's click the visitor arrived with, when there was one.
 */
public record LeadInput(
        @Nullable String token,
        @Nullable String name,
        @Nullable String email,
        @Nullable String company,
        @Nullable String message,
        @Nullable String clickId) {}
