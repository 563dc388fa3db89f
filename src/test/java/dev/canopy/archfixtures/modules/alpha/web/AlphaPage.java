package dev.canopy.archfixtures.modules.alpha.web;

import dev.canopy.archfixtures.modules.alpha.AlphaDraft;
import dev.canopy.archfixtures.modules.alpha.AlphaExtension;
import dev.canopy.archfixtures.modules.alpha.AlphaForm;
import dev.canopy.archfixtures.modules.alpha.AlphaReports;
import dev.canopy.archfixtures.modules.alpha.AlphaService;
import dev.canopy.archfixtures.modules.alpha.AlphaStore;
import java.util.List;

class AlphaPage {

    String show(AlphaService service, AlphaReports reports, AlphaStore store, List<AlphaExtension> extensions) {
        AlphaForm form = new AlphaForm("page");
        return service.greet(new AlphaDraft(form.name()))
                + reports.latest().title()
                + store.load()
                + extensions.stream().map(AlphaExtension::extra).toList();
    }
}
