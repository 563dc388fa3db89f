package dev.canopy.enablement;

import dev.canopy.enablement.internal.CertificateTable;
import dev.canopy.identity.Branding;
import dev.canopy.partners.Partners;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.Sha256;
import dev.canopy.shared.Actor;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
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

    /**
     * The certificate as an Open Badges 2.0 assertion, hosted at {@code url}: the badge class inline, the recipient's
     * email hashed with a salt (never shown), issued and expiry dates, and whether it was revoked.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> badge(String code, String url, String verifyPage) {
        Verified verified = verify(code);
        String email = holderEmail(code);
        Map<String, Object> badge = new LinkedHashMap<>();
        badge.put("@context", "https://w3id.org/openbadges/v2");
        badge.put("type", "Assertion");
        badge.put("id", url);
        badge.put(
                "recipient",
                Map.of(
                        "type",
                        "email",
                        "hashed",
                        true,
                        "salt",
                        code,
                        "identity",
                        "sha256$" + sha256(email.toLowerCase(java.util.Locale.ROOT) + code)));
        badge.put(
                "badge",
                Map.of(
                        "type",
                        "BadgeClass",
                        "id",
                        url + "#badge",
                        "name",
                        verified.certification(),
                        "description",
                        verified.certification() + " — " + verified.vendor(),
                        "criteria",
                        Map.of("narrative", "Completing the courses of " + verified.certification()),
                        "issuer",
                        Map.of("type", "Profile", "id", url + "#issuer", "name", verified.vendor())));
        badge.put("issuedOn", verified.earnedAt().toString());
        if (verified.expiresAt() != null) {
            badge.put("expires", verified.expiresAt().toString());
        }
        badge.put("verification", Map.of("type", "hosted"));
        badge.put("evidence", verifyPage);
        if (verified.state() == CertificateState.REVOKED) {
            badge.put("revoked", true);
        }
        return badge;
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
                Actor.withoutEmail(c.person()),
                c.certification(),
                partner,
                branding.of(workspace).workspaceName(),
                c.earnedAt(),
                c.expiresAt(),
                c.state(),
                c.code());
    }

    private String holderEmail(String code) {
        String person = certificates
                .byCode(code, clock.instant())
                .orElseThrow()
                .getValue()
                .person();
        int open = person.lastIndexOf('<');
        return open < 0 ? person : person.substring(open + 1, person.length() - 1);
    }

    private static String sha256(String text) {
        return Sha256.hex(text);
    }
}
