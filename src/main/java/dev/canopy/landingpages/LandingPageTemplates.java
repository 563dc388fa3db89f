package dev.canopy.landingpages;

import dev.canopy.audit.AuditLog;
import dev.canopy.landingpages.internal.LandingRenderer;
import dev.canopy.landingpages.internal.LandingTemplateTable;
import dev.canopy.landingpages.internal.TemplateChecks;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor's landing page templates: staff write them (a headline, ordered sections, a call to action, merge
 * fields for the partner), preview them with a sample partner, and publish them; partners choose among the
 * published ones. Withdrawing a template takes every page on it offline until it is published again.
 */
@Service
public class LandingPageTemplates {

    /** The partner a preview shows. */
    static final LandingRenderer.Partner SAMPLE = new LandingRenderer.Partner(
            new PartnerId(new UUID(0, 0)),
            "Bluebird Consulting",
            "/images/canopy.svg",
            "We have planned and run **120 migrations** for hospitals and city administrations since 2012.",
            "hello@bluebird.example",
            "+44 20 7946 0000");

    private final LandingTemplateTable templates;
    private final LandingRenderer renderer;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LandingPageTemplates(
            LandingTemplateTable templates,
            LandingRenderer renderer,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.templates = templates;
        this.renderer = renderer;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The merge fields a template may use, each with what it becomes. */
    public static Map<String, String> mergeFields() {
        return LandingRenderer.FIELDS;
    }

    @Transactional(readOnly = true)
    public List<TemplateView> list() {
        staff();
        return templates.all(currentWorkspace.id());
    }

    @Transactional(readOnly = true)
    public TemplateView get(UUID id) {
        staff();
        return find(id);
    }

    /** The templates partners may choose: the published ones. */
    @Transactional(readOnly = true)
    public List<TemplateView> published() {
        return templates.all(currentWorkspace.id()).stream()
                .filter(TemplateView::published)
                .toList();
    }

    /** A new template, not published yet. */
    @Transactional
    public TemplateView create(TemplateInput input) {
        staff();
        TemplateChecks.Checked checked = TemplateChecks.check(input);
        UUID id = UUID.randomUUID();
        templates.insert(
                currentWorkspace.id(),
                id,
                checked,
                DatabaseTime.now(clock),
                currentWorkspace.actor().name());
        TemplateView created = find(id);
        audit.record("landingpages.template.created", "landing_page_template", id, null, created);
        return created;
    }

    /** New words for the template; pages on it show them at once when it is published. */
    @Transactional
    public TemplateView update(UUID id, TemplateInput input) {
        staff();
        TemplateView before = find(id);
        TemplateChecks.Checked checked = TemplateChecks.check(input);
        templates.update(
                currentWorkspace.id(),
                id,
                checked,
                DatabaseTime.now(clock),
                currentWorkspace.actor().name());
        TemplateView after = find(id);
        audit.record("landingpages.template.updated", "landing_page_template", id, before, after);
        return after;
    }

    /** Publishes the template (partners may use it, their pages on it show) or withdraws it (they are offline). */
    @Transactional
    public TemplateView publish(UUID id, boolean published) {
        staff();
        TemplateView before = find(id);
        WorkspaceId workspace = currentWorkspace.id();
        Instant at = DatabaseTime.now(clock);
        String by = currentWorkspace.actor().name();
        if (templates.publish(workspace, id, published, at, by)) {
            audit.record(
                    published ? "landingpages.template.published" : "landingpages.template.withdrawn",
                    "landing_page_template",
                    id,
                    Map.of("published", before.published()),
                    Map.of("published", published));
            events.publishEvent(new LandingPageTemplatePublished(workspace, id, before.name(), published, by, at));
        }
        return find(id);
    }

    /** The template as typed, with the sample partner in, before it is saved: what the editor's preview shows. */
    public RenderedPage preview(TemplateInput input) {
        staff();
        TemplateChecks.Checked t = TemplateChecks.check(input);
        return renderer.render(new UUID(0, 0), t.headline(), t.sections(), t.ctaLabel(), SAMPLE);
    }

    private TemplateView find(UUID id) {
        return templates.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Template"));
    }

    private void staff() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped) {
            throw new AccessDeniedException("Only vendor staff manage landing page templates");
        }
    }
}
