package dev.canopy.partners;

import dev.canopy.audit.AuditLog;
import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.PartnerRole;
import dev.canopy.partners.internal.ContactTable;
import dev.canopy.partners.internal.PartnerLifecycle;
import dev.canopy.partners.internal.PartnerNotices;
import dev.canopy.partners.internal.PartnerRows;
import dev.canopy.partners.internal.PartnerTable;
import dev.canopy.partners.internal.SettingsTable;
import dev.canopy.partners.internal.StatusChangeTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partner companies: adding them, their profile and contacts, and their lifecycle. */
@Service
public class Partners {

    private final PartnerTable partners;
    private final ContactTable contacts;
    private final StatusChangeTable history;
    private final SettingsTable settings;
    private final PartnerAccess access;
    private final PartnerNotices notices;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Partners(
            PartnerTable partners,
            ContactTable contacts,
            StatusChangeTable history,
            SettingsTable settings,
            PartnerAccess access,
            PartnerNotices notices,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.partners = partners;
        this.contacts = contacts;
        this.history = history;
        this.settings = settings;
        this.access = access;
        this.notices = notices;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Vendor staff add a partner company; its contact is invited to the portal as its partner admin. */
    @Transactional
    public PartnerView invite(NewPartner partner) {
        return add(currentWorkspace.id(), currentWorkspace.actor(), partner, PartnerStatus.INVITED, "partner.invited");
    }

    /**
     * A programme admitted an applicant: the company is created approved and its contact invited as its
     * partner admin. Works without a signed-in principal (automatic approval on the public page).
     */
    @Transactional
    public PartnerView admitFromApplication(WorkspaceId workspace, Actor actor, NewPartner partner) {
        return add(workspace, actor, partner, PartnerStatus.APPROVED, "partner.approved");
    }

    private PartnerView add(
            WorkspaceId workspace, Actor actor, NewPartner partner, PartnerStatus status, String action) {
        PartnerTable.Row[] row = new PartnerTable.Row[1];
        EmailAddress[] contactEmail = new EmailAddress[1];
        InvalidInputException.collect(
                () -> row[0] = PartnerRows.validate(
                        PartnerId.random(),
                        partner.name(),
                        partner.website(),
                        partner.types(),
                        partner.regions(),
                        partner.verticals(),
                        partner.size(),
                        status),
                () -> PartnerRows.requireText("contactName", partner.contactName(), 120),
                () -> contactEmail[0] = emailOf("contactEmail", partner.contactEmail()));
        Instant now = clock.instant();
        partners.insert(workspace, row[0], now);
        contacts.insert(
                workspace,
                row[0].id(),
                new Contact(
                        UUID.randomUUID(),
                        partner.contactName().strip(),
                        contactEmail[0].value(),
                        null,
                        null,
                        true,
                        now));
        history.insert(workspace, row[0].id(), new StatusChange(null, status, null, actor.name(), now));
        access.invite(
                workspace,
                actor,
                row[0].id().value(),
                contactEmail[0].value(),
                partner.contactName(),
                PartnerRole.ADMIN);
        PartnerView created = partners.find(workspace, row[0].id(), now).orElseThrow();
        audit.record(workspace, actor, action, "partner", created.id(), null, created);
        return created;
    }

    @Transactional(readOnly = true)
    public PartnerView get(PartnerId id) {
        requireOwnCompanyIfPartner(id);
        return partners.find(currentWorkspace.id(), id, clock.instant())
                .orElseThrow(() -> new NotFoundException("Partner"));
    }

    @Transactional(readOnly = true)
    public List<PartnerView> byIds(Collection<PartnerId> ids) {
        return partners.findAll(currentWorkspace.id(), ids, clock.instant());
    }

    @Transactional(readOnly = true)
    public PartnerPage search(PartnerSearch search) {
        List<PartnerView> rows = partners.search(currentWorkspace.id(), search, clock.instant(), search.limit() + 1);
        if (rows.size() <= search.limit()) {
            return new PartnerPage(rows, null);
        }
        List<PartnerView> page = rows.subList(0, search.limit());
        PartnerView last = page.getLast();
        return new PartnerPage(List.copyOf(page), last.name().toLowerCase(java.util.Locale.ROOT) + "|" + last.id());
    }

    /** The regions partners of this workspace are in, for filters. */
    @Transactional(readOnly = true)
    public List<String> regions() {
        return partners.regions(currentWorkspace.id());
    }

    @Transactional
    public PartnerView updateProfile(PartnerId id, PartnerProfile profile) {
        PartnerView before = get(id);
        PartnerTable.Row[] row = new PartnerTable.Row[1];
        InvalidInputException.collect(() -> row[0] = PartnerRows.validate(
                id,
                profile.name(),
                profile.website(),
                profile.types(),
                profile.regions(),
                profile.verticals(),
                profile.size(),
                before.status()));
        partners.updateProfile(currentWorkspace.id(), row[0]);
        PartnerView after = get(id);
        audit.record("partner.updated", "partner", id, before, after);
        return after;
    }

    /** Moves a partner in its lifecycle; it is told by email, and its portal opens or closes with it. */
    @Transactional
    public PartnerView changeStatus(PartnerId id, PartnerStatus to, String reason) {
        PartnerView before = get(id);
        return move(currentWorkspace.id(), currentWorkspace.actor(), before, to, reason);
    }

    private PartnerView move(WorkspaceId workspace, Actor actor, PartnerView before, PartnerStatus to, String reason) {
        PartnerLifecycle.check(before.status(), to, reason);
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        Instant now = clock.instant();
        if (!partners.updateStatus(workspace, before.id(), before.status(), to, cleanReason, now)) {
            throw new dev.canopy.shared.ConflictException(
                    "status", "The partner's status changed meanwhile; reload and try again");
        }
        history.insert(workspace, before.id(), new StatusChange(before.status(), to, cleanReason, actor.name(), now));
        access.setPortalOpen(workspace, before.id().value(), PartnerLifecycle.portalOpen(to));
        PartnerView after = partners.find(workspace, before.id(), now).orElseThrow();
        audit.record(workspace, actor, "partner.status_changed", "partner", before.id(), before, after);
        notices.statusChanged(workspace, after, contacts.list(workspace, after.id()));
        events.publishEvent(new PartnerStatusChanged(workspace, after.id(), before.status(), to, cleanReason));
        return after;
    }

    /** The company's first user joined the portal: an invited or approved company becomes active. */
    @Transactional
    public void activateOnFirstJoin(WorkspaceId workspace, PartnerId id, Actor actor) {
        partners.find(workspace, id, clock.instant())
                .filter(p -> p.status() == PartnerStatus.INVITED || p.status() == PartnerStatus.APPROVED)
                .ifPresent(p -> move(workspace, actor, p, PartnerStatus.ACTIVE, null));
    }

    /** A click, lead, deal or sign-in: the partner is not dormant. */
    @Transactional
    public void recordActivity(WorkspaceId workspace, PartnerId id, Instant at) {
        partners.recordActivity(workspace, id, at);
    }

    /** Where a partner in {@code status} may move next, for the status menu. */
    public Set<PartnerStatus> movesFrom(PartnerStatus status) {
        return PartnerLifecycle.nextFrom(status);
    }

    public boolean needsReason(PartnerStatus to) {
        return PartnerLifecycle.needsReason(to);
    }

    @Transactional(readOnly = true)
    public List<Contact> contacts(PartnerId id) {
        get(id);
        return contacts.list(currentWorkspace.id(), id);
    }

    @Transactional
    public Contact addContact(PartnerId id, String name, String email, String phone, String title, boolean primary) {
        get(id);
        EmailAddress[] address = new EmailAddress[1];
        InvalidInputException.collect(
                () -> PartnerRows.requireText("name", name, 120),
                () -> address[0] = emailOf("email", email),
                () -> PartnerRows.optionalText("phone", phone, 40),
                () -> PartnerRows.optionalText("title", title, 120));
        Contact contact = new Contact(
                UUID.randomUUID(),
                name.strip(),
                address[0].value(),
                blankToNull(phone),
                blankToNull(title),
                primary,
                clock.instant());
        contacts.insert(currentWorkspace.id(), id, contact);
        audit.record("partner.contact.added", "partner", id, null, contact);
        return contact;
    }

    @Transactional
    public void removeContact(PartnerId id, UUID contactId) {
        get(id);
        Contact contact =
                contacts.find(currentWorkspace.id(), id, contactId).orElseThrow(() -> new NotFoundException("Contact"));
        contacts.delete(currentWorkspace.id(), id, contactId);
        audit.record("partner.contact.removed", "partner", id, contact, null);
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(PartnerId id) {
        get(id);
        return history.list(currentWorkspace.id(), id);
    }

    @Transactional(readOnly = true)
    public int dormancyDays() {
        return settings.dormancyDays(currentWorkspace.id());
    }

    @Transactional
    public void setDormancyDays(Integer days) {
        if (days == null || days < 7 || days > 730) {
            throw new InvalidInputException("dormancyDays", "Use a number of days from 7 to 730");
        }
        int before = dormancyDays();
        settings.setDormancyDays(currentWorkspace.id(), days);
        audit.record(
                "partners.settings.updated",
                "workspace",
                currentWorkspace.id(),
                java.util.Map.of("dormancyDays", before),
                java.util.Map.of("dormancyDays", days));
    }

    /** A partner's own users see only their own company. */
    private void requireOwnCompanyIfPartner(PartnerId id) {
        if (currentWorkspace.principal().orElse(null) instanceof PartnerScoped partner
                && !partner.partnerId().equals(id.value())) {
            throw new NotFoundException("Partner");
        }
    }

    private static EmailAddress emailOf(String field, String raw) {
        return EmailAddress.parse(raw)
                .orElseThrow(
                        () -> new InvalidInputException(field, "Enter a valid email address, like name@company.com"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
