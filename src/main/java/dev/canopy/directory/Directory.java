package dev.canopy.directory;

import dev.canopy.audit.AuditLog;
import dev.canopy.directory.internal.DirectorySettingsTable;
import dev.canopy.directory.internal.Entries;
import dev.canopy.directory.internal.ListingChecks;
import dev.canopy.directory.internal.ListingSlugs;
import dev.canopy.directory.internal.ListingTable;
import dev.canopy.directory.internal.Ranking;
import dev.canopy.directory.internal.RequestTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' listings in the public directory. A partner's admin opts its company in or out and writes its profile;
 * staff see every listing, correct it, hide it (and show it again) and turn the workspace's directory on or off.
 * Opting in is the partner's alone: staff never list a partner that did not.
 */
@Service
public class Directory {

    /** The requests a partner sees on its listing page. */
    static final int REQUESTS_SHOWN = 50;

    private final ListingTable listings;
    private final DirectorySettingsTable settings;
    private final RequestTable contacts;
    private final Entries entries;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    Directory(
            ListingTable listings,
            DirectorySettingsTable settings,
            RequestTable contacts,
            Entries entries,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.listings = listings;
        this.settings = settings;
        this.contacts = contacts;
        this.entries = entries;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the workspace's public directory is on. */
    @Transactional(readOnly = true)
    public boolean enabled() {
        return settings.enabled(currentWorkspace.id());
    }

    @Transactional
    public void enable(boolean enabled) {
        staff();
        WorkspaceId workspace = currentWorkspace.id();
        boolean before = settings.enabled(workspace);
        settings.enable(workspace, enabled);
        audit.record(
                "directory.enabled",
                "workspace",
                workspace.value(),
                Map.of("enabled", before),
                Map.of("enabled", enabled));
    }

    /** Every listing of the workspace, listed ones first in the public's order, then the rest by name. */
    @Transactional(readOnly = true)
    public List<DirectoryEntry> entries() {
        staff();
        return entries.of(listings.all(currentWorkspace.id()), EnumSet.allOf(PartnerStatus.class)).stream()
                .sorted(Comparator.comparing((DirectoryEntry e) -> !e.listed()).thenComparing(Ranking.order()))
                .toList();
    }

    /** A partner's listing (staff, or that partner's own people); one not opted in when never saved. */
    @Transactional(readOnly = true)
    public DirectoryEntry entry(PartnerId partner) {
        PartnerView company = partners.get(partner);
        Optional<ListingTable.Row> row = listings.find(currentWorkspace.id(), partner);
        return entries.of(company, row, row.map(ListingTable.Row::slug).orElseGet(() -> freeSlug(company)));
    }

    /**
     * Staff correct a listing and hide or show it: {@code profile} null keeps the partner's words; {@code hidden}
     * null keeps it as it is. Whether the partner is opted in stays the partner's choice.
     */
    @Transactional
    public DirectoryEntry update(
            PartnerId partner, @Nullable ListingProfile profile, @Nullable Boolean hidden, @Nullable String reason) {
        staff();
        DirectoryEntry before = entry(partner);
        ListingChecks.CheckedProfile checked = profile == null ? current(before) : ListingChecks.profile(profile);
        boolean hide = hidden == null ? before.hidden() : hidden;
        String why = hide ? hiddenReason(reason == null ? before.hiddenReason() : reason) : null;
        save(before, before.optedIn(), hide, why, checked);
        DirectoryEntry after = entry(partner);
        audit.record("directory.listing.updated", "partner", partner.value(), before, after);
        return after;
    }

    /** The signed-in partner's own listing. */
    @Transactional(readOnly = true)
    public DirectoryEntry mine() {
        return entry(ownCompany());
    }

    /** The partner's admin opts in or out and writes the profile; staff's hiding stays as it is. */
    @Transactional
    public DirectoryEntry saveMine(boolean optedIn, ListingProfile profile) {
        PartnerId partner = ownCompany();
        DirectoryEntry before = entry(partner);
        save(before, optedIn, before.hidden(), before.hiddenReason(), ListingChecks.profile(profile));
        DirectoryEntry after = entry(partner);
        audit.record("directory.listing.saved", "partner", partner.value(), before, after);
        return after;
    }

    /** The requests prospects sent the signed-in partner through the directory, newest first. */
    @Transactional(readOnly = true)
    public List<ContactRequest> myRequests() {
        return contacts.of(currentWorkspace.id(), ownCompany(), REQUESTS_SHOWN);
    }

    private void save(
            DirectoryEntry before,
            boolean optedIn,
            boolean hidden,
            @Nullable String reason,
            ListingChecks.CheckedProfile p) {
        ListingTable.Row row = new ListingTable.Row(
                before.partnerId(),
                before.slug(),
                optedIn,
                hidden,
                reason,
                p.description(),
                p.website(),
                p.contactEmail(),
                p.services(),
                p.industries(),
                p.regions(),
                DatabaseTime.now(clock));
        try {
            listings.save(currentWorkspace.id(), row, currentWorkspace.actor().name());
        } catch (DuplicateKeyException e) {
            // Two partners of the same name saving their first listing at once: one got the address first.
            throw new ConflictException(null, "Another partner took this address a moment ago: save again");
        }
    }

    private static ListingChecks.CheckedProfile current(DirectoryEntry e) {
        return new ListingChecks.CheckedProfile(
                e.description(), e.website(), e.contactEmail(), e.services(), e.industries(), e.regions());
    }

    private static String hiddenReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String value = reason.strip();
        if (value.length() > 300) {
            throw new InvalidInputException("hiddenReason", "Use at most 300 characters");
        }
        return value;
    }

    /** The partner's name as a slug no other listing of the workspace has: "acme", then "acme-2". */
    private String freeSlug(PartnerView partner) {
        String base = ListingSlugs.of(partner.name());
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (!listings.slugTaken(currentWorkspace.id(), candidate, partner.id())) {
                return candidate;
            }
        }
    }

    private PartnerId ownCompany() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped p) {
            return new PartnerId(p.partnerId());
        }
        throw new AccessDeniedException("Only a partner's own people edit its listing");
    }

    private void staff() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped) {
            throw new AccessDeniedException("Only vendor staff manage the directory");
        }
    }
}
