package dev.canopy.enablement;

import dev.canopy.enablement.internal.CertificateTable;
import dev.canopy.identity.Branding;
import dev.canopy.partners.Partners;
import dev.canopy.platform.AsSystem;
import dev.canopy.shared.Actor;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A certificate's public verification (no sign-in, by its unguessable code): the holder's name, the certification,
 * the partner company, the vendor, the dates and the state. Nothing else of the workspace is shown.
 */
@Service
public class Verification {

    /** What anyone holding the code may read. */
    public record Verified(
            String holder,
            String certification,
            String partner,
            String vendor,
            Instant earnedAt,
            @Nullable Instant expiresAt,
            CertificateState state,
            String code) {}

    private final CertificateTable certificates;
    private final Partners partners;
    private final Branding branding;
    private final Clock clock;

    Verification(CertificateTable certificates, Partners partners, Branding branding, Clock clock) {
        this.certificates = certificates;
        this.partners = partners;
        this.branding = branding;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Verified verify(String code) {
        if (code == null || !code.matches("[0-9a-f]{24}")) {
            throw new NotFoundException("Certificate");
        }
        Map.Entry<WorkspaceId, CertificateView> found =
                certificates.byCode(code, clock.instant()).orElseThrow(() -> new NotFoundException("Certificate"));
        WorkspaceId workspace = found.getKey();
        CertificateView c = found.getValue();
        String partner = AsSystem.in(
                workspace, Actor.system(), () -> partners.get(c.partner()).name());
        return new Verified(
                c.person().replaceFirst("\\s*<[^>]*>$", ""),
                c.certification(),
                partner,
                branding.of(workspace).workspaceName(),
                c.earnedAt(),
                c.expiresAt(),
                c.state(),
                c.code());
    }
}
