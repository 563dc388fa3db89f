package dev.canopy.archfixtures.modules.alpha.web;

import dev.canopy.archfixtures.modules.alpha.AlphaDraft;
import dev.canopy.archfixtures.modules.alpha.AlphaForm;
import dev.canopy.archfixtures.modules.alpha.AlphaReports;
import dev.canopy.archfixtures.modules.alpha.AlphaService;

class AlphaPage {

    String show(AlphaService service, AlphaReports reports) {
        AlphaForm form = new AlphaForm("page");
        return service.greet(new AlphaDraft(form.name())) + reports.latest().title();
    }
}
