package dev.canopy.comarketing.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.NotFoundException;
import java.util.UUID;

/** What a partner user may read of MDF: its own company's; another's is answered as if it did not exist. */
public final class Ownership {

    private Ownership() {}

    public static void check(CurrentWorkspace currentWorkspace, UUID partner, String what) {
        PartnerId.signedIn(currentWorkspace).ifPresent(p -> {
            if (!p.value().equals(partner)) {
                throw new NotFoundException(what);
            }
        });
    }
}
