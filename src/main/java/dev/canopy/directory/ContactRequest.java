package dev.canopy.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request a prospect sent the partner through the directory, as the partner reads it in the portal. */
public record ContactRequest(
        String name, String email, @Nullable String company, String message, Instant sentAt) {}
