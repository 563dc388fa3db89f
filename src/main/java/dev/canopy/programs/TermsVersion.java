package dev.canopy.programs;

import java.time.Instant;

/** One published version of a programme's terms; versions are never edited, only superseded. */
public record TermsVersion(int version, String body, Instant publishedAt, String publishedBy) {}
