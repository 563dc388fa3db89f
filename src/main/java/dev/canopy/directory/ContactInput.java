package dev.canopy.directory;

import org.jspecify.annotations.Nullable;

/**
 * A prospect's request to a listed partner, as typed in the contact form. {@code token} is the form's own id,
 * given with the form: the same form sent twice is one request.
 */
public record ContactInput(
        @Nullable String token,
        @Nullable String name,
        @Nullable String email,
        @Nullable String company,
        @Nullable String message) {}
