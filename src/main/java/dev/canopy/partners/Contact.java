package dev.canopy.partners;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person at a partner company the vendor deals with (not necessarily a portal user). */
public record Contact(
        UUID id,
        String name,
        String email,
        @Nullable String phone,
        @Nullable String title,
        boolean primary,
        Instant createdAt) {}
