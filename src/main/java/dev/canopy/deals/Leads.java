package dev.canopy.deals;

import dev.canopy.audit.AuditLog;
import dev.canopy.deals.internal.BusinessDays;
import dev.canopy.deals.internal.DealChecks;
import dev.canopy.deals.internal.DealSettingsTable;
import dev.canopy.deals.internal.LeadRouter;
import dev.canopy.deals.internal.LeadTable;
import dev.canopy.deals.internal.OfferLifecycle;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.platform.RegistrableDomain;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads the vendor passes to partners, by hand or by routing rules (region, partner type, tier, weights).
 * The partner accepts or declines (with a reason) within the lead clock; a declined or expired lead goes
 * to the next partner the rules find, or waits unassigned when there is none.
 */
@Service
public class Leads {

    private final LeadTable leads;
    private final LeadRouter router;
    private final DealSettingsTable settings;
    private final Partners partners;
    private final Workspaces workspaces;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Leads(
            LeadTable leads,
            LeadRouter router,
            DealSettingsTable settings,
            Partners partners,
            Workspaces workspaces,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.leads = leads;
        this.router = router;
        this.settings = settings;
        this.partners = partners;
        this.workspaces = workspaces;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Staff add a lead and pass it to the partner named, or to whom the rules choose. */
    @Transactional
    public LeadView create(NewLead lead) {
        staff();
        WorkspaceId workspace = currentWorkspace.id();
        LeadTable.Checked[] checked = new LeadTable.Checked[1];
        PartnerView[] byHand = new PartnerView[1];
        InvalidInputException.collect(
                () -> checked[0] = check(lead), () -> byHand[0] = DealChecks.activePartner(partners, lead.partnerId()));
        Instant now = DatabaseTime.now(clock);
        leads.insert(workspace, checked[0], currentWorkspace.actor().name(), now);
        if (byHand[0] != null) {
            offer(workspace, checked[0].id(), byHand[0].id(), null, now);
        } else {
            route(workspace, checked[0].id(), checked[0].region(), now);
        }
        LeadView created = get(checked[0].id());
        audit.record("deals.lead.created", "lead", created.id(), null, created);
        return created;
    }

    /** Leads, newest first: all of them for staff, the ones offered to or accepted by a partner user's company. */
    @Transactional(readOnly = true)
    public LeadPage search(LeadQuery query) {
        UUID after = null;
        if (query.cursor() != null) {
            try {
                after = UUID.fromString(query.cursor());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cursor", "Pass the nextCursor of the previous page");
            }
        }
        PartnerId partner = partnerOrNull();
        List<LeadView> rows = leads
                .search(
                        currentWorkspace.id(),
                        query.status(),
                        partner,
                        after,
                        query.limit() + 1,
                        DatabaseTime.now(clock))
                .stream()
                .map(this::shown)
                .toList();
        if (rows.size() <= query.limit()) {
            return new LeadPage(rows, null);
        }
        List<LeadView> page = rows.subList(0, query.limit());
        return new LeadPage(List.copyOf(page), page.getLast().id().toString());
    }

    @Transactional(readOnly = true)
    public LeadView get(UUID id) {
        LeadView lead = leads.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Lead"));
        PartnerId partner = partnerOrNull();
        if (partner != null
                && (!partner.equals(lead.partnerId())
                        || (lead.status() != LeadStatus.OFFERED && lead.status() != LeadStatus.ACCEPTED)
                        || (lead.status() == LeadStatus.OFFERED
                                && !lead.respondBy().isAfter(DatabaseTime.now(clock))))) {
            throw new NotFoundException("Lead");
        }
        return shown(lead);
    }

    @Transactional
    public LeadView accept(UUID id) {
        PartnerId partner = partner();
        WorkspaceId workspace = currentWorkspace.id();
        LeadView before = offeredToMe(id, partner);
        Instant now = DatabaseTime.now(clock);
        if (!leads.answer(workspace, id, partner, OfferLifecycle.ACCEPT, null, now)) {
            throw new ConflictException(null, "This lead is no longer offered to you");
        }
        events.publishEvent(new LeadAccepted(workspace, new LeadId(id), partner, now));
        LeadView after = get(id);
        audit.record("deals.lead.accepted", "lead", id, before, after);
        return after;
    }

    /** The partner declines with a reason; the lead goes to the next partner. */
    @Transactional
    public void decline(UUID id, String reason) {
        PartnerId partner = partner();
        String why = DealChecks.text("reason", reason, 2000);
        WorkspaceId workspace = currentWorkspace.id();
        LeadView before = offeredToMe(id, partner);
        Instant now = DatabaseTime.now(clock);
        if (!leads.answer(workspace, id, partner, OfferLifecycle.DECLINE, why, now)) {
            throw new ConflictException(null, "This lead is no longer offered to you");
        }
        route(workspace, id, before.region(), now);
        audit.record(
                "deals.lead.declined",
                "lead",
                id,
                before,
                leads.find(workspace, id).orElseThrow());
    }

    /**
     * Expires an offer whose clock ran out (nothing happens before) and passes the lead on; called by
     * {@code LeadExpiry} as Canopy, inside the transaction that holds the offer's row lock.
     */
    @Transactional
    public void expire(WorkspaceId workspace, UUID lead, PartnerId partner) {
        Instant now = DatabaseTime.now(clock);
        LeadView before = leads.find(workspace, lead).orElseThrow();
        if (leads.expire(workspace, lead, partner, now)) {
            route(workspace, lead, before.region(), now);
            audit.record(
                    workspace,
                    Actor.system(),
                    "deals.lead.expired",
                    "lead",
                    lead,
                    before,
                    leads.find(workspace, lead).orElseThrow());
        }
    }

    private void route(WorkspaceId workspace, UUID lead, String region, Instant now) {
        Set<PartnerId> tried = new HashSet<>(leads.offeredTo(workspace, lead));
        Optional<LeadRouter.Choice> next = router.next(workspace, region, tried);
        if (next.isPresent()) {
            offer(workspace, lead, next.get().partner(), next.get().rule(), now);
        } else {
            leads.unassign(workspace, lead);
        }
    }

    private void offer(WorkspaceId workspace, UUID lead, PartnerId partner, UUID rule, Instant now) {
        int days = settings.clocks(workspace).leadBusinessDays();
        leads.offer(workspace, lead, partner, rule, now, BusinessDays.after(now, days, zone()));
    }

    private LeadView offeredToMe(UUID id, PartnerId partner) {
        LeadView lead = get(id);
        if (lead.status() != LeadStatus.OFFERED) {
            throw new ConflictException(null, "This lead is no longer offered to you");
        }
        return lead;
    }

    /** Names the partners; a partner user sees no offer history and no contact before accepting. */
    private LeadView shown(LeadView lead) {
        List<LeadOffer> offers = leads.offers(currentWorkspace.id(), lead.id());
        Map<PartnerId, String> names =
                partners
                        .byIds(offers.stream()
                                .map(LeadOffer::partnerId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(PartnerView::id, PartnerView::name));
        LeadView named = lead.with(
                lead.partnerId() == null ? null : names.get(lead.partnerId()),
                offers.stream()
                        .map(o -> o.withPartnerName(names.getOrDefault(o.partnerId(), "")))
                        .toList());
        if (partnerOrNull() == null) {
            return named;
        }
        return named.status() == LeadStatus.ACCEPTED
                ? named.with(named.partnerName(), List.of())
                : named.withoutContact();
    }

    private LeadTable.Checked check(NewLead lead) {
        String[] domain = new String[1];
        EmailAddress[] email = new EmailAddress[1];
        InvalidInputException.collect(
                () -> DealChecks.text("accountName", lead.accountName(), 200),
                () -> domain[0] = lead.website() == null || lead.website().isBlank()
                        ? null
                        : RegistrableDomain.of(lead.website())
                                .orElseThrow(() -> new InvalidInputException(
                                        "website", "Not a web address with a registrable domain")),
                () -> DealChecks.text("contactName", lead.contactName(), 120),
                () -> email[0] = contactEmail(lead.contactEmail()),
                () -> DealChecks.optional("region", lead.region(), 60),
                () -> DealChecks.optional("notes", lead.notes(), 4000));
        return new LeadTable.Checked(
                UUID.randomUUID(),
                lead.accountName().strip(),
                domain[0],
                lead.contactName().strip(),
                email[0].value(),
                DealChecks.blankToNull(lead.region()),
                DealChecks.blankToNull(lead.notes()));
    }

    private static EmailAddress contactEmail(String raw) {
        try {
            return new EmailAddress(raw);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(
                    "contactEmail", e.problems().getFirst().message());
        }
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(workspaces.current().timezone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private PartnerId partnerOrNull() {
        return currentWorkspace.principal().orElseThrow() instanceof PartnerScoped p
                ? new PartnerId(p.partnerId())
                : null;
    }

    private PartnerId partner() {
        PartnerId partner = partnerOrNull();
        if (partner == null) {
            throw new AccessDeniedException("Only the partner a lead is offered to answers it");
        }
        return partner;
    }

    private void staff() {
        if (partnerOrNull() != null) {
            throw new AccessDeniedException("Only vendor staff route leads");
        }
    }
}
