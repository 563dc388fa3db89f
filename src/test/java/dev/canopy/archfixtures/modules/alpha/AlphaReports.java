package dev.canopy.archfixtures.modules.alpha;

import org.springframework.stereotype.Service;

/** A use-case service of alpha's: API by the house shape, whoever calls it today. */
@Service
public class AlphaReports {

    public AlphaReport latest() {
        return new AlphaReport("latest");
    }
}
