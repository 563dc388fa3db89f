package dev.canopy.landingpages;

import dev.canopy.audit.AuditLog;
import dev.canopy.landingpages.internal.LandingLogos;
import dev.canopy.landingpages.internal.LandingPageTable;
import dev.canopy.landingpages.internal.LandingSlugs;
import dev.canopy.landingpages.internal.LandingTemplateTable;
import dev.canopy.landingpages.internal.PageChecks;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' landing pages. A partner's admin chooses a published template, turns the page on or off, writes its
 * text and contact and uploads its logo; staff see every page with its lead count. Turning a page on is the
 * partner's alone.
 */
@Service
public class LandingPages {

    private final LandingPageTable pages;
    private final LandingTemplateTable templates;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LandingPages(
            LandingPageTable pages,
            LandingTemplateTable templates,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.pages = pages;
        this.templates = templates;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Every partner's page that was ever saved, by address. */
    @Transactional(readOnly = true)
    public List<PageView> list() {
        staff();
        return pages.all(currentWorkspace.id()).stream()
                .map(row -> view(partners.get(row.partner()), Optional.of(row)))
                .toList();
    }

    /** A partner's page (staff, or that partner's own people); one not enabled when never saved. */
    @Transactional(readOnly = true)
    public PageView page(PartnerId partner) {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped p
                && !p.partnerId().equals(partner.value())) {
            throw new AccessDeniedException("A partner sees only its own landing page");
        }
        PartnerView company = partners.get(partner);
        return view(company, pages.find(currentWorkspace.id(), partner));
    }

    /** The signed-in partner's own page. */
    @Transactional(readOnly = true)
    public PageView mine() {
        return page(ownCompany());
    }

    /** The partner's admin sets its page: a published template, on or off, its text and its contact. */
    @Transactional
    public PageView saveMine(PageInput input) {
        PartnerId partner = ownCompany();
        WorkspaceId workspace = currentWorkspace.id();
        PageChecks.CheckedPage checked = PageChecks.page(input);
        boolean published = templates
                .find(workspace, checked.template())
                .map(TemplateView::published)
                .orElse(false);
        if (!published) {
            throw new InvalidInputException("templateId", "Choose one of the published templates");
        }
        PageView before = page(partner);
        Instant at = DatabaseTime.now(clock);
        String by = currentWorkspace.actor().name();
        try {
            pages.save(
                    workspace,
                    partner,
                    new LandingPageTable.Settings(
                            checked.template(),
                            before.slug(),
                            checked.enabled(),
                            checked.text(),
                            checked.contactEmail(),
                            checked.contactPhone()),
                    at,
                    by);
        } catch (DuplicateKeyException e) {
            // Two partners of the same name saving their first page at once: one got the address first.
            throw new ConflictException(null, "Another partner took this address a moment ago: save again");
        }
        PageView after = page(partner);
        audit.record("landingpages.page.saved", "partner", partner.value(), before, after);
        if (before.enabled() != after.enabled()) {
            events.publishEvent(new LandingPageEnabled(
                    workspace, partner, checked.template(), after.slug(), after.enabled(), by, at));
        }
        return after;
    }

    /** The partner's admin uploads its logo, resized and stored as PNG; the page is saved first. */
    @Transactional
    public PageView uploadLogo(byte[] bytes) {
        PartnerId partner = ownCompany();
        LandingLogos.Resized logo = LandingLogos.resize(bytes);
        if (!pages.logo(
                currentWorkspace.id(),
                partner,
                logo,
                DatabaseTime.now(clock),
                currentWorkspace.actor().name())) {
            throw new InvalidInputException("logo", "Choose a template and save your page first");
        }
        audit.record(
                "landingpages.page.logo",
                "partner",
                partner.value(),
                null,
                Map.of("width", logo.width(), "height", logo.height()));
        return page(partner);
    }

    private PageView view(PartnerView company, Optional<LandingPageTable.Row> row) {
        if (row.isEmpty()) {
            return new PageView(
                    company.id(),
                    company.name(),
                    null,
                    null,
                    freeSlug(company),
                    false,
                    false,
                    null,
                    null,
                    null,
                    false,
                    0,
                    null);
        }
        LandingPageTable.Row r = row.get();
        return new PageView(
                company.id(),
                company.name(),
                r.template(),
                r.templateName(),
                r.slug(),
                r.enabled(),
                r.enabled() && r.published(),
                r.text(),
                r.contactEmail(),
                r.contactPhone(),
                r.hasLogo(),
                r.leads(),
                r.updatedAt());
    }

    /** The partner's name as an address no other page of the workspace has: "acme", then "acme-2". */
    private String freeSlug(PartnerView partner) {
        String base = LandingSlugs.of(partner.name());
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (!pages.slugTaken(currentWorkspace.id(), candidate, partner.id())) {
                return candidate;
            }
        }
    }

    private PartnerId ownCompany() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped p) {
            return new PartnerId(p.partnerId());
        }
        throw new AccessDeniedException("Only a partner's own people edit its landing page");
    }

    private void staff() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped) {
            throw new AccessDeniedException("Only vendor staff see every landing page");
        }
    }
}
