package dev.canopy.archfixtures.modules.alpha;

/** Used by the beta module: the alpha module's API. */
public class AlphaService {

    public String greet(AlphaDraft draft) {
        return "hello " + draft.name();
    }
}
