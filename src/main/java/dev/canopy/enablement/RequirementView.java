package dev.canopy.enablement;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A certification requirement: the programme whose members it binds, what it gates ({@code tierId} for a tier,
 * {@code assetId} for an asset), and how many people must hold an active certificate of the certification.
 */
public record RequirementView(
        UUID id,
        UUID programId,
        String programName,
        RequirementSubject subject,
        @Nullable UUID tierId,
        @Nullable String tierName,
        @Nullable UUID assetId,
        @Nullable String assetTitle,
        UUID certificationId,
        String certificationName,
        @Nullable UUID courseId,
        int minPeople,
        Instant createdAt) {}
