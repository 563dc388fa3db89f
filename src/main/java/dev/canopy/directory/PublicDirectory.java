package dev.canopy.directory;

import dev.canopy.directory.internal.DirectorySettingsTable;
import dev.canopy.directory.internal.Entries;
import dev.canopy.directory.internal.ListingChecks;
import dev.canopy.directory.internal.ListingTable;
import dev.canopy.directory.internal.Ranking;
import dev.canopy.directory.internal.RequestTable;
import dev.canopy.directory.internal.TooManyContacts;
import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerType;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.shared.Actor;
import dev.canopy.shared.NotFoundException;
import dev.canopy.tracking.Intake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The directory as the public sees it, by the workspace's public slug: its listed partners, filtered and ranked,
 * each partner's profile, and the contact form that turns a prospect's request into a lead for that partner. A
 * workspace whose directory is off, a partner not listed (never opted in, opted out, hidden by staff, suspended)
 * and another workspace's partner are all simply not found.
 */
@Service
public class PublicDirectory {

    /** Contact requests taken from one network per {@link #RATE_WINDOW}, whichever partners they go to. */
    public static final int RATE_LIMIT = 5;

    public static final Duration RATE_WINDOW = Duration.ofHours(1);

    private static final Actor VISITOR = new Actor(Actor.Kind.SYSTEM, "directory", "Partner directory");

    private final Workspaces workspaces;
    private final DirectorySettingsTable settings;
    private final ListingTable listings;
    private final RequestTable contacts;
    private final Entries entries;
    private final Intake intake;
    private final JsonMapper json;
    private final Clock clock;

    PublicDirectory(
            Workspaces workspaces,
            DirectorySettingsTable settings,
            ListingTable listings,
            RequestTable contacts,
            Entries entries,
            Intake intake,
            JsonMapper json,
            Clock clock) {
        this.workspaces = workspaces;
        this.settings = settings;
        this.listings = listings;
        this.contacts = contacts;
        this.entries = entries;
        this.intake = intake;
        this.json = json;
        this.clock = clock;
    }

    /** The workspace's listed partners that match {@code query}, best first, and what each filter offers. */
    @Transactional(readOnly = true)
    public DirectoryPage page(String workspaceSlug, DirectoryQuery query) {
        WorkspaceView workspace = workspace(workspaceSlug);
        List<DirectoryEntry> listed = AsSystem.in(
                workspace.id(),
                VISITOR,
                () -> entries.of(listings.listed(workspace.id()), Entries.PUBLIC).stream()
                        .filter(DirectoryEntry::listed)
                        .sorted(Ranking.order())
                        .toList());
        return new DirectoryPage(
                workspace.name(),
                workspace.slug(),
                query,
                listed.stream().filter(e -> matches(e, query)).toList(),
                options(listed));
    }

    /** A listed partner's profile, by its slug. */
    @Transactional(readOnly = true)
    public DirectoryEntry profile(String workspaceSlug, String partnerSlug) {
        return listed(workspace(workspaceSlug), partnerSlug);
    }

    /**
     * A prospect asks the listed partner to get in touch: the request is stored for the partner and becomes a lead
     * attributed to it through tracking's intake. The same form (its token) sent again changes nothing and answers
     * as the first time. {@code clientAddress}, anonymized, counts toward the rate limit.
     */
    @Transactional
    public void contact(String workspaceSlug, String partnerSlug, ContactInput input, String clientAddress) {
        WorkspaceView workspace = workspace(workspaceSlug);
        DirectoryEntry partner = listed(workspace, partnerSlug);
        RequestTable.Checked request = ListingChecks.contact(input);
        String client = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress;
        contacts.lock(client);
        Instant now = DatabaseTime.now(clock);
        if (contacts.countSince(client, now.minus(RATE_WINDOW)) >= RATE_LIMIT) {
            throw new TooManyContacts();
        }
        if (!contacts.insert(workspace.id(), partner.partnerId(), request, client, now)) {
            return;
        }
        String payload = json.writeValueAsString(Map.of(
                "source", "directory",
                "partner", partner.slug(),
                "name", request.name(),
                "email", request.email(),
                "company", Objects.requireNonNullElse(request.company(), ""),
                "message", request.message()));
        AsSystem.in(
                workspace.id(),
                VISITOR,
                () -> intake.leadFor(
                        workspace.id(),
                        partner.partnerId(),
                        "directory:" + request.token(),
                        request.email(),
                        request.name(),
                        payload));
    }

    /** Whether the workspace has a directory and it is on. */
    @Transactional(readOnly = true)
    public boolean open(String workspaceSlug) {
        return workspaces
                .bySlug(workspaceSlug)
                .filter(w -> settings.enabled(w.id()))
                .isPresent();
    }

    private WorkspaceView workspace(String workspaceSlug) {
        return workspaces
                .bySlug(workspaceSlug)
                .filter(w -> settings.enabled(w.id()))
                .orElseThrow(() -> new NotFoundException("Directory"));
    }

    private DirectoryEntry listed(WorkspaceView workspace, String partnerSlug) {
        return listings.bySlug(workspace.id(), partnerSlug)
                .filter(r -> r.optedIn() && !r.hidden())
                .flatMap(r ->
                        AsSystem.in(workspace.id(), VISITOR, () -> entries.of(List.of(r), Entries.PUBLIC)).stream()
                                .findFirst())
                .orElseThrow(() -> new NotFoundException("Partner"));
    }

    static boolean matches(DirectoryEntry e, DirectoryQuery q) {
        return (q.type() == null || e.types().stream().anyMatch(t -> t.name().equalsIgnoreCase(q.type())))
                && among(q.region(), e.regions())
                && among(q.industry(), e.industries())
                && among(q.service(), e.services())
                && among(q.certification(), e.certifications())
                && (q.tier() == null || q.tier().equalsIgnoreCase(e.tier()));
    }

    private static boolean among(@Nullable String wanted, Collection<String> values) {
        return wanted == null || values.stream().anyMatch(v -> v.equalsIgnoreCase(wanted));
    }

    private static DirectoryPage.Options options(List<DirectoryEntry> listed) {
        return new DirectoryPage.Options(
                listed.stream()
                        .flatMap(e -> e.types().stream())
                        .distinct()
                        .sorted(Comparator.comparing(PartnerType::ordinal))
                        .toList(),
                distinct(listed, DirectoryEntry::regions),
                distinct(listed, DirectoryEntry::industries),
                distinct(listed, DirectoryEntry::services),
                distinct(listed, DirectoryEntry::certifications),
                // Best tier first, as the list ranks them.
                listed.stream()
                        .filter(e -> e.tier() != null)
                        .sorted(Comparator.comparingInt(DirectoryEntry::tierRank)
                                .reversed())
                        .map(DirectoryEntry::tier)
                        .distinct()
                        .toList());
    }

    /** Each value once whatever its case (the first spelling seen), alphabetically. */
    private static List<String> distinct(List<DirectoryEntry> listed, Function<DirectoryEntry, List<String>> values) {
        TreeSet<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        listed.stream().flatMap(e -> values.apply(e).stream()).forEach(seen::add);
        return Stream.of(seen.toArray(String[]::new)).toList();
    }
}
