package dev.canopy.archfixtures.violations.util;

/** Violates: a class in a {@code util} grab-bag package. */
public final class StringHelpers {

    private StringHelpers() {}
}
