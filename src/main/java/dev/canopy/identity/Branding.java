package dev.canopy.identity;

import dev.canopy.audit.AuditLog;
import dev.canopy.identity.internal.BrandRules;
import dev.canopy.identity.internal.BrandTable;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's brand: the partner portal's name, colour and logo, which the portal, its sign-in page, the
 * partners' emails and the public programme pages show in place of Canopy's.
 */
@Service
public class Branding {

    /** A stored logo, its type told by its bytes, and when it was set (for the HTTP cache). */
    public record Logo(byte[] bytes, String type, Instant updatedAt) {}

    /** The look as staff set it: a name for the portal (blank: the default) and a colour. */
    public record Look(@Nullable String portalName, String color) {}

    private final BrandTable brands;
    private final CurrentWorkspace currentWorkspace;
    private final BaseUrl baseUrl;
    private final AuditLog audit;
    private final Clock clock;

    Branding(BrandTable brands, CurrentWorkspace currentWorkspace, BaseUrl baseUrl, AuditLog audit, Clock clock) {
        this.brands = brands;
        this.baseUrl = baseUrl;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Brand current() {
        return of(currentWorkspace.id());
    }

    @Transactional(readOnly = true)
    public Brand of(WorkspaceId workspace) {
        return brands.find(workspace).orElseThrow(() -> new NotFoundException("Workspace"));
    }

    /** The brand of the workspace at {@code slug}, for pages read before anyone signs in. */
    @Transactional(readOnly = true)
    public Optional<Brand> bySlug(@Nullable String slug) {
        return slug == null || slug.isBlank() ? Optional.empty() : brands.findBySlug(slug.strip());
    }

    @Transactional
    public Brand save(Look look) {
        String[] checked = new String[2];
        InvalidInputException.collect(
                () -> checked[0] = BrandRules.portalName(look.portalName()).orElse(null),
                () -> checked[1] = BrandRules.color(look.color()));
        Brand before = current();
        brands.saveLook(currentWorkspace.id(), checked[0], checked[1], clock.instant());
        Brand after = current();
        audit.record("workspace.brand.updated", "workspace", currentWorkspace.id(), before, after);
        return after;
    }

    /** Sets the logo from an upload's bytes (PNG or JPEG, told by the bytes themselves). */
    @Transactional
    public Brand setLogo(byte[] bytes) {
        String type = BrandRules.logoType(bytes);
        Brand before = current();
        brands.saveLogo(currentWorkspace.id(), bytes, type, clock.instant());
        Brand after = current();
        audit.record("workspace.logo.updated", "workspace", currentWorkspace.id(), before, after);
        return after;
    }

    @Transactional
    public Brand removeLogo() {
        Brand before = current();
        brands.saveLogo(currentWorkspace.id(), null, null, clock.instant());
        Brand after = current();
        audit.record("workspace.logo.removed", "workspace", currentWorkspace.id(), before, after);
        return after;
    }

    /** What an email to the workspace's partners shows of the brand: its portal's name, colour and logo's URL. */
    @Transactional(readOnly = true)
    public Map<String, Object> forMail(WorkspaceId workspace) {
        Brand brand = of(workspace);
        Map<String, Object> model = new HashMap<>();
        model.put("brandName", brand.portalName());
        model.put("brandColor", brand.color());
        if (brand.hasLogo()) {
            model.put("logoUrl", baseUrl.link(brand.logoPath()));
        }
        return model;
    }

    /** The logo of the workspace at {@code slug}: its bytes, type and when it was set. */
    @Transactional(readOnly = true)
    public Optional<Logo> logo(String slug) {
        return brands.logo(slug);
    }
}
