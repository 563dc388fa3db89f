package dev.canopy.tracking;

import dev.canopy.audit.AuditLog;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.Cursors;
import dev.canopy.platform.QrCodes;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.AllowedDomainTable;
import dev.canopy.tracking.internal.Destinations;
import dev.canopy.tracking.internal.LinkCache;
import dev.canopy.tracking.internal.LinkRules;
import dev.canopy.tracking.internal.LinkSlugs;
import dev.canopy.tracking.internal.LinkTable;
import dev.canopy.tracking.internal.PersonalLinks;
import dev.canopy.tracking.internal.RefTable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Partners' tracking links: each partner gets a personal link per programme and may make more (its own
 * slug, a destination on an allowed domain, UTM parameters); vendor staff see, edit and switch off any.
 * Partner users only ever see and change their own company's links.
 */
@Service
public class Links {

    private static final int MAX_LIST = 500;

    private final LinkTable links;
    private final RefTable refs;
    private final AllowedDomainTable domains;
    private final PersonalLinks personalLinks;
    private final LinkSlugs slugs;
    private final LinkCache cache;
    private final Partners partners;
    private final Programs programs;
    private final Memberships memberships;
    private final Workspaces workspaces;
    private final CurrentWorkspace currentWorkspace;
    private final String linkBaseUrl;
    private final BaseUrl baseUrl;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Links(
            LinkTable links,
            RefTable refs,
            AllowedDomainTable domains,
            PersonalLinks personalLinks,
            LinkSlugs slugs,
            LinkCache cache,
            Partners partners,
            Programs programs,
            Memberships memberships,
            Workspaces workspaces,
            CurrentWorkspace currentWorkspace,
            @Value("${canopy.tracking.link-base-url:}") String linkBaseUrl,
            BaseUrl baseUrl,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.links = links;
        this.refs = refs;
        this.domains = domains;
        this.personalLinks = personalLinks;
        this.slugs = slugs;
        this.cache = cache;
        this.partners = partners;
        this.programs = programs;
        this.memberships = memberships;
        this.workspaces = workspaces;
        this.currentWorkspace = currentWorkspace;
        this.linkBaseUrl = linkBaseUrl.replaceAll("/+$", "");
        this.baseUrl = baseUrl;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The signed-in partner's links, its personal link for each of its programmes first (made on the
     * first visit, once the workspace has an allowed domain to send visitors to).
     */
    @Transactional
    public List<LinkView> mine() {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId partner = signedInPartner().orElseThrow(() -> new NotFoundException("Partner"));
        ensurePersonalLinks(workspace, partner);
        return views(workspace, links.list(workspace, partner, null, null, null, MAX_LIST));
    }

    /**
     * A partner's personal link for each of its programmes, made where missing (once the workspace has an allowed
     * domain): for staff and system work that hands a partner its links before it signs in.
     */
    @Transactional
    public List<LinkView> personalLinks(PartnerId partner) {
        WorkspaceId workspace = currentWorkspace.id();
        partners.get(partner);
        ensurePersonalLinks(workspace, partner);
        return views(workspace, links.list(workspace, partner, null, null, null, MAX_LIST)).stream()
                .filter(LinkView::personal)
                .toList();
    }

    /** Links for the console, filtered by partner, programme and text; newest first. */
    @Transactional(readOnly = true)
    public List<LinkView> list(PartnerId partner, ProgramId program, String query) {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId scope = signedInPartner().orElse(partner);
        return views(workspace, links.list(workspace, scope, program, query, null, MAX_LIST));
    }

    /** A page of links, newest first; {@code nextCursor} (opaque) continues it. */
    public record LinkPage(List<LinkView> links, @Nullable String nextCursor) {}

    @Transactional(readOnly = true)
    public LinkPage page(PartnerId partner, ProgramId program, String query, @Nullable String cursor, int limit) {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId scope = signedInPartner().orElse(partner);
        List<LinkTable.Row> rows =
                links.list(workspace, scope, program, query, Cursors.decode(cursor, "cursor"), limit + 1);
        List<LinkView> page = views(workspace, rows.stream().limit(limit).toList());
        return new LinkPage(
                page,
                rows.size() > limit
                        ? Cursors.encode(new Cursors.Position(
                                page.getLast().createdAt(), page.getLast().id().value()))
                        : null);
    }

    @Transactional(readOnly = true)
    public LinkView get(LinkId id) {
        WorkspaceId workspace = currentWorkspace.id();
        return views(workspace, List.of(row(workspace, id))).getFirst();
    }

    @Transactional
    public LinkView create(LinkDraft draft) {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId partner = signedInPartner().orElseGet(() -> partnerOf(draft.partnerId()));
        // Every partner with a link has its ref, which the website snippet reads from ?ref=.
        slugs.refFor(workspace, partner);
        ProgramId program = programOf(partner, draft.programId());
        String slug = draft.slug() == null || draft.slug().isBlank()
                ? slugs.forProgramme(workspace, partner, programs.get(program))
                : draft.slug();
        LinkTable.Row link = checked(workspace, new LinkId(UUID.randomUUID()), partner, program, slug, draft, false);
        insert(workspace, link);
        LinkView created = get(link.id());
        audit.record("tracking.link.created", "link", link.id(), null, created);
        refreshAfterCommit();
        return created;
    }

    @Transactional
    public LinkView update(LinkId id, LinkDraft draft) {
        WorkspaceId workspace = currentWorkspace.id();
        LinkView before = get(id);
        LinkTable.Row current = row(workspace, id);
        LinkTable.Row changed =
                checked(workspace, id, current.partner(), current.program(), draft.slug(), draft, current.personal());
        links.update(workspace, withDisabled(changed, current.disabled()), clock.instant());
        LinkView after = get(id);
        audit.record("tracking.link.updated", "link", id, before, after);
        refreshAfterCommit();
        return after;
    }

    /** Switches a link off (visitors get "gone", nothing is counted) or back on; vendor staff only. */
    @Transactional
    public LinkView setDisabled(LinkId id, boolean disabled) {
        if (signedInPartner().isPresent()) {
            throw new org.springframework.security.access.AccessDeniedException("Only vendor staff switch links off");
        }
        WorkspaceId workspace = currentWorkspace.id();
        LinkView before = get(id);
        links.update(workspace, withDisabled(row(workspace, id), disabled), clock.instant());
        LinkView after = get(id);
        audit.record(disabled ? "tracking.link.disabled" : "tracking.link.enabled", "link", id, before, after);
        refreshAfterCommit();
        return after;
    }

    public byte[] qrPng(LinkId id) {
        return QrCodes.png(get(id).url(), 10);
    }

    public String qrSvg(LinkId id) {
        return QrCodes.svg(get(id).url());
    }

    /** The programmes the signed-in partner (or, for staff, the given partner) can make links for. */
    @Transactional(readOnly = true)
    public List<MembershipView> programmesFor(PartnerId partner) {
        PartnerId scope = signedInPartner().orElse(partner);
        return scope == null ? List.of() : memberships.list(null, scope);
    }

    private void ensurePersonalLinks(WorkspaceId workspace, PartnerId partner) {
        for (LinkTable.Row link : personalLinks.missing(workspace, partner)) {
            insert(workspace, link);
            refreshAfterCommit();
        }
    }

    private void insert(WorkspaceId workspace, LinkTable.Row link) {
        Instant now = clock.instant();
        links.insert(workspace, link, now);
        events.publishEvent(new LinkCreated(
                workspace, link.id(), link.partner(), link.program(), link.slug(), link.destination(), now));
    }

    private LinkTable.Row checked(
            WorkspaceId workspace,
            LinkId id,
            PartnerId partner,
            ProgramId program,
            String slug,
            LinkDraft draft,
            boolean personal) {
        String[] destination = new String[1];
        LinkView.Utm[] utm = new LinkView.Utm[1];
        String[] checkedSlug = new String[1];
        InvalidInputException.collect(
                () -> checkedSlug[0] = LinkRules.checkSlug(slug),
                () -> destination[0] = Destinations.check(draft.destination(), domains.list(workspace))
                        .toString(),
                () -> utm[0] = new LinkView.Utm(
                        LinkRules.checkUtm("utmSource", draft.utmSource()),
                        LinkRules.checkUtm("utmMedium", draft.utmMedium()),
                        LinkRules.checkUtm("utmCampaign", draft.utmCampaign()),
                        LinkRules.checkUtm("utmTerm", draft.utmTerm()),
                        LinkRules.checkUtm("utmContent", draft.utmContent())));
        if (links.slugTaken(workspace, checkedSlug[0], id)) {
            throw new ConflictException("slug", "Another link of this workspace uses " + checkedSlug[0] + " already");
        }
        return new LinkTable.Row(
                id, partner, program, checkedSlug[0], destination[0], utm[0], personal, false, clock.instant());
    }

    private static LinkTable.Row withDisabled(LinkTable.Row link, boolean disabled) {
        return new LinkTable.Row(
                link.id(),
                link.partner(),
                link.program(),
                link.slug(),
                link.destination(),
                link.utm(),
                link.personal(),
                disabled,
                link.createdAt());
    }

    private PartnerId partnerOf(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("partnerId", "Choose the partner the link is for");
        }
        try {
            PartnerId partner = new PartnerId(UUID.fromString(raw.strip()));
            partners.get(partner);
            return partner;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("partnerId", "Choose the partner the link is for");
        } catch (NotFoundException e) {
            throw new InvalidInputException("partnerId", "No such partner in this workspace");
        }
    }

    private ProgramId programOf(PartnerId partner, String raw) {
        List<MembershipView> theirs = memberships.list(null, partner);
        if (theirs.isEmpty()) {
            throw new InvalidInputException("programId", "The partner is not in any programme yet");
        }
        if (raw == null || raw.isBlank()) {
            return theirs.getFirst().programId();
        }
        return theirs.stream()
                .map(MembershipView::programId)
                .filter(p -> p.value().toString().equals(raw.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("programId", "Choose one of the partner's programmes"));
    }

    private LinkTable.Row row(WorkspaceId workspace, LinkId id) {
        LinkTable.Row link = links.find(workspace, id).orElseThrow(() -> new NotFoundException("Link"));
        if (signedInPartner().filter(p -> !p.equals(link.partner())).isPresent()) {
            throw new NotFoundException("Link");
        }
        return link;
    }

    private List<LinkView> views(WorkspaceId workspace, List<LinkTable.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String workspaceSlug = workspaces.current().slug();
        Map<PartnerId, String> partnerNames =
                partners
                        .byIds(rows.stream()
                                .map(LinkTable.Row::partner)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(PartnerView::id, PartnerView::name));
        Map<ProgramId, String> programNames =
                programs.list().stream().collect(Collectors.toMap(ProgramView::id, ProgramView::name));
        Map<UUID, LinkView.LinkStats> stats =
                links.stats(workspace, rows.stream().map(LinkTable.Row::id).toList());
        Map<PartnerId, String> partnerRefs =
                refs.refsOf(workspace, rows.stream().map(LinkTable.Row::partner).collect(Collectors.toSet()));
        return rows.stream()
                .map(r -> new LinkView(
                        r.id(),
                        r.partner(),
                        partnerNames.getOrDefault(r.partner(), ""),
                        partnerRefs.get(r.partner()),
                        r.program(),
                        programNames.getOrDefault(r.program(), ""),
                        r.slug(),
                        linkAddress(workspaceSlug, r.slug()),
                        r.destination(),
                        r.utm(),
                        r.personal(),
                        r.disabled(),
                        r.createdAt(),
                        stats.getOrDefault(r.id().value(), LinkView.LinkStats.NONE)))
                .toList();
    }

    /** Links are shared under their own host name when there is one (the dedicated redirect listener's). */
    private String linkAddress(String workspaceSlug, String slug) {
        String path = "/r/" + workspaceSlug + "/" + slug;
        return linkBaseUrl.isBlank() ? baseUrl.link(path) : linkBaseUrl + path;
    }

    private Optional<PartnerId> signedInPartner() {
        return PartnerId.signedIn(currentWorkspace);
    }

    private void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.refresh();
                }
            });
        } else {
            cache.refresh();
        }
    }
}
