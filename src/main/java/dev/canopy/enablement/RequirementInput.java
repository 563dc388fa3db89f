package dev.canopy.enablement;

import org.jspecify.annotations.Nullable;

/**
 * A requirement as staff type or send it: {@code minPeople} people holding an active certificate of
 * {@code certificationId}, for {@code subject} in {@code programId}; a tier requirement names {@code tierId} (its
 * programme may be left blank), an asset requirement {@code assetId}. Every field is checked and named when wrong.
 */
public record RequirementInput(
        @Nullable String programId,
        @Nullable String certificationId,
        @Nullable String minPeople,
        @Nullable String subject,
        @Nullable String tierId,
        @Nullable String assetId) {}
