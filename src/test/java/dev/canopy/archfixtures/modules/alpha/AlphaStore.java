package dev.canopy.archfixtures.modules.alpha;

/** An interface only alpha implements and uses: belongs in alpha.internal, not in the module's API. */
public interface AlphaStore {

    String load();
}
