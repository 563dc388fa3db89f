package dev.canopy.enablement;

import java.time.Instant;

/** One upload of a file asset: what it was (sniffed from its bytes, never taken from the upload), and by whom. */
public record FileVersion(
        int version,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {}
