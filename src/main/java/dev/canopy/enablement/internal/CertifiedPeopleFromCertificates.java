package dev.canopy.enablement.internal;

import dev.canopy.analytics.CertifiedPeople;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The dashboards' certified people: per partner, the people holding a certificate in force now. */
@Component
class CertifiedPeopleFromCertificates implements CertifiedPeople {

    private final CertificateTable certificates;
    private final Clock clock;

    CertifiedPeopleFromCertificates(CertificateTable certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    @Override
    public Map<PartnerId, Long> certifiedPeople(WorkspaceId workspace) {
        return certificates.certifiedPeople(workspace, clock.instant());
    }
}
