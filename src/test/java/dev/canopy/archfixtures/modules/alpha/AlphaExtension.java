package dev.canopy.archfixtures.modules.alpha;

/** An extension point alpha calls and other modules implement (none does yet): the module's API. */
public interface AlphaExtension {

    String extra();
}
