package dev.canopy.comarketing;

import dev.canopy.enablement.Upload;
import org.jspecify.annotations.Nullable;

/** One line of a claim: what was spent, how much, and its receipt (a PDF or an image). */
public record ClaimLineInput(
        String description, String amount, @Nullable Upload receipt) {}
