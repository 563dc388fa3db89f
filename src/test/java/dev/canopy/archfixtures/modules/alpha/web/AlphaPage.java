package dev.canopy.archfixtures.modules.alpha.web;

import dev.canopy.archfixtures.modules.alpha.AlphaForm;
import dev.canopy.archfixtures.modules.alpha.AlphaService;

class AlphaPage {

    String show(AlphaService service) {
        return service.greet(new AlphaForm("page"));
    }
}
