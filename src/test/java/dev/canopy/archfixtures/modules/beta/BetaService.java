package dev.canopy.archfixtures.modules.beta;

import dev.canopy.archfixtures.modules.alpha.AlphaService;

/** Another module using alpha's API. */
public class BetaService {

    private final AlphaService alpha = new AlphaService();

    public AlphaService alpha() {
        return alpha;
    }
}
