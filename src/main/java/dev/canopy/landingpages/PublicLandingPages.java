package dev.canopy.landingpages;

import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.landingpages.internal.LandingLeadTable;
import dev.canopy.landingpages.internal.LandingPageTable;
import dev.canopy.landingpages.internal.LandingRenderer;
import dev.canopy.landingpages.internal.LandingTemplateTable;
import dev.canopy.landingpages.internal.PageChecks;
import dev.canopy.landingpages.internal.TooManyLeads;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.shared.Actor;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.Intake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partners' landing pages as the public sees them, at {@code /p/{workspace}/{page}}: the template with the partner
 * in, its logo, and the form that turns a visitor into a lead for that partner through tracking's intake — with the
 * click of the partner's link when the visitor came through one. A page turned off, on a withdrawn template, of a
 * partner no longer approved, or of another workspace is simply not found.
 */
@Service
public class PublicLandingPages {

    /** Forms taken from one network per {@link #RATE_WINDOW}, whichever pages they go to. */
    public static final int RATE_LIMIT = 5;

    public static final Duration RATE_WINDOW = Duration.ofHours(1);

    private static final Set<PartnerStatus> SHOWN = EnumSet.of(PartnerStatus.APPROVED, PartnerStatus.ACTIVE);

    private static final Actor VISITOR = new Actor(Actor.Kind.SYSTEM, "landing-page", "Landing page");

    /** A live page: where it is, whose it is and what it shows. */
    private record Live(
            WorkspaceView workspace, LandingPageTable.Row page, PartnerView partner, TemplateView template) {}

    private final Workspaces workspaces;
    private final LandingPageTable pages;
    private final LandingTemplateTable templates;
    private final LandingLeadTable leads;
    private final LandingRenderer renderer;
    private final Partners partners;
    private final Intake intake;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    PublicLandingPages(
            Workspaces workspaces,
            LandingPageTable pages,
            LandingTemplateTable templates,
            LandingLeadTable leads,
            LandingRenderer renderer,
            Partners partners,
            Intake intake,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.workspaces = workspaces;
        this.pages = pages;
        this.templates = templates;
        this.leads = leads;
        this.renderer = renderer;
        this.partners = partners;
        this.intake = intake;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The page with the partner in; {@code logoUrl} is where its logo is served, used when it has one. */
    @Transactional(readOnly = true)
    public RenderedPage page(String workspaceSlug, String pageSlug, String logoUrl) {
        Live live = live(workspaceSlug, pageSlug);
        LandingPageTable.Row p = live.page();
        return renderer.render(
                live.template().id(),
                live.template().headline(),
                live.template().sections(),
                live.template().ctaLabel(),
                new LandingRenderer.Partner(
                        p.partner(),
                        live.partner().name(),
                        p.hasLogo() ? logoUrl : null,
                        p.text(),
                        p.contactEmail(),
                        p.contactPhone()));
    }

    /** The live page's logo, a PNG. */
    @Transactional(readOnly = true)
    public byte[] logo(String workspaceSlug, String pageSlug) {
        Live live = live(workspaceSlug, pageSlug);
        return pages.logoBytes(live.workspace().id(), live.page().partner())
                .orElseThrow(() -> new NotFoundException("Logo"));
    }

    /**
     * A visitor sends the page's form: the lead is stored for the partner and goes to tracking's intake, named by the
     * partner's ref and carrying the click the visitor came with. The same form sent again changes nothing.
     * {@code clientAddress}, anonymized, counts toward the rate limit.
     */
    @Transactional
    public void lead(String workspaceSlug, String pageSlug, LeadInput input, String clientAddress) {
        Live live = live(workspaceSlug, pageSlug);
        LandingLeadTable.Checked lead = PageChecks.lead(input);
        String client = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress;
        leads.lock(client);
        Instant now = DatabaseTime.now(clock);
        if (leads.countSince(client, now.minus(RATE_WINDOW)) >= RATE_LIMIT) {
            throw new TooManyLeads();
        }
        WorkspaceId workspace = live.workspace().id();
        if (!leads.insert(workspace, live.page().partner(), live.template().id(), lead, client, now)) {
            return;
        }
        String payload = json.writeValueAsString(Map.of(
                "source", "landing-page",
                "page", live.page().slug(),
                "name", lead.name(),
                "email", lead.email(),
                "company", Objects.requireNonNullElse(lead.company(), ""),
                "message", Objects.requireNonNullElse(lead.message(), "")));
        AsSystem.in(
                workspace,
                VISITOR,
                () -> intake.leadFor(
                        workspace,
                        live.page().partner(),
                        "landing-page:" + lead.token(),
                        lead.email(),
                        lead.name(),
                        lead.clickId() == null ? null : lead.clickId().toString(),
                        payload));
        events.publishEvent(new LandingPageLeadReceived(
                workspace, live.page().partner(), live.template().id(), lead.token(), lead.clickId(), now));
    }

    private Live live(String workspaceSlug, String pageSlug) {
        WorkspaceView workspace =
                workspaces.bySlug(workspaceSlug).orElseThrow(() -> new NotFoundException("Landing page"));
        LandingPageTable.Row page = pages.bySlug(workspace.id(), pageSlug)
                .filter(p -> p.enabled() && p.published())
                .orElseThrow(() -> new NotFoundException("Landing page"));
        return AsSystem.in(workspace.id(), VISITOR, () -> {
            PartnerView partner = partners.get(page.partner());
            if (!SHOWN.contains(partner.status())) {
                throw new NotFoundException("Landing page");
            }
            TemplateView template = templates
                    .find(workspace.id(), page.template())
                    .orElseThrow(() -> new NotFoundException("Landing page"));
            return new Live(workspace, page, partner, template);
        });
    }
}
