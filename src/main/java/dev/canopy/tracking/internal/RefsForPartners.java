package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerRefs;
import dev.canopy.platform.CurrentWorkspace;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Lets the partners API show each partner's ref. */
@Component
class RefsForPartners implements PartnerRefs {

    private final RefTable refs;
    private final CurrentWorkspace currentWorkspace;

    RefsForPartners(RefTable refs, CurrentWorkspace currentWorkspace) {
        this.refs = refs;
        this.currentWorkspace = currentWorkspace;
    }

    @Override
    public Map<PartnerId, String> refsOf(Collection<PartnerId> partners) {
        return partners.isEmpty() ? Map.of() : refs.refsOf(currentWorkspace.id(), partners);
    }
}
