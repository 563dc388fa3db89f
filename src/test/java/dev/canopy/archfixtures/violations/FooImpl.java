package dev.canopy.archfixtures.violations;

/** Violates: an {@code Impl} class. */
public class FooImpl {}
