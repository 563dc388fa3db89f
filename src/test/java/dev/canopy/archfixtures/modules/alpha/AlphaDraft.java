package dev.canopy.archfixtures.modules.alpha;

/** Named in the signature of alpha's API: part of it, though no other module builds one today. */
public record AlphaDraft(String name) {}
