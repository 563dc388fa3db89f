package dev.canopy.archfixtures.modules.alpha;

/** The view a use-case service of alpha's returns: part of alpha's API through that service. */
public record AlphaReport(String title) {}
