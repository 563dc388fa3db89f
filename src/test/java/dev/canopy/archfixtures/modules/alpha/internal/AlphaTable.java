package dev.canopy.archfixtures.modules.alpha.internal;

import dev.canopy.archfixtures.modules.alpha.AlphaStore;

class AlphaTable implements AlphaStore {

    @Override
    public String load() {
        return "row";
    }
}
