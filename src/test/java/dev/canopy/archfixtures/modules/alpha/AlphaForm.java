package dev.canopy.archfixtures.modules.alpha;

/** Used by alpha's own web layer only: belongs in alpha.web, not in the module's API. */
public record AlphaForm(String name) {}
