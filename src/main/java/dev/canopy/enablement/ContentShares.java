package dev.canopy.enablement;

import dev.canopy.enablement.internal.AssetSearch;
import dev.canopy.enablement.internal.AssetTable;
import dev.canopy.enablement.internal.ContentStore;
import dev.canopy.enablement.internal.FileInspector;
import dev.canopy.enablement.internal.ShareTable;
import dev.canopy.enablement.internal.UsageTable;
import dev.canopy.enablement.internal.Viewers;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.AsSystem;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.RichText;
import dev.canopy.shared.Actor;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' tracked share links: a partner user's own link to an asset it may see, which its customers open without
 * signing in, each opening counted for that person, and which stops working once the partner may no longer see
 * the asset.
 */
@Service
public class ContentShares {

    /** What a share link opens: the asset, a page's safe HTML, or a file's bytes. */
    public record Shared(
            AssetView asset, String html, @Nullable Download file) {}

    private final AssetSearch search;
    private final ShareTable shares;
    private final UsageTable usage;
    private final ContentStore store;
    private final Viewers viewers;
    private final Requirements requirements;
    private final CurrentWorkspace currentWorkspace;
    private final Clock clock;

    ContentShares(
            AssetSearch search,
            ShareTable shares,
            UsageTable usage,
            ContentStore store,
            Viewers viewers,
            Requirements requirements,
            CurrentWorkspace currentWorkspace,
            Clock clock) {
        this.search = search;
        this.shares = shares;
        this.usage = usage;
        this.store = store;
        this.viewers = viewers;
        this.requirements = requirements;
        this.currentWorkspace = currentWorkspace;
        this.clock = clock;
    }

    /**
     * The signed-in partner user's share link to an asset it may see (the same link each time it asks), for its
     * customers: opening it needs no sign-in and is counted for this person.
     */
    @Transactional
    public String shareToken(UUID id) {
        if (viewers.current()
                .flatMap(v -> search.findVisible(currentWorkspace.id(), id, v, clock.instant()))
                .isEmpty()) {
            throw new NotFoundException("Asset");
        }
        requirements.requireOpen(id);
        PartnerScoped partner = (PartnerScoped) currentWorkspace.principal().orElseThrow();
        return shares.tokenFor(
                currentWorkspace.id(), id, new PartnerId(partner.partnerId()), viewers.person(), clock.instant());
    }

    /**
     * What a share link leads to, its opening counted for the person who shared it; not found once the partner may
     * no longer see the asset (archived, expired, or outside its audience now) or for a token never given.
     */
    @Transactional
    public Shared openShared(String token) {
        return shared(token, true);
    }

    /** A shared page, read after its opening was counted by {@link #openShared}: the same rule, not counted again. */
    @Transactional(readOnly = true)
    public Shared readSharedPage(String token) {
        Shared shared = shared(token, false);
        if (shared.asset().kind() != AssetKind.TEXT) {
            throw new NotFoundException("Shared page");
        }
        return shared;
    }

    private Shared shared(String token, boolean count) {
        ShareTable.Share share = shares.find(token).orElseThrow(() -> new NotFoundException("Shared content"));
        return AsSystem.in(share.workspace(), Actor.system(), () -> {
            Instant now = clock.instant();
            Viewer viewer = viewers.of(share.partner());
            AssetTable.Row row = search.findVisible(share.workspace(), share.asset(), viewer, now)
                    .orElseThrow(() -> new NotFoundException("Shared content"));
            if (count) {
                usage.record(
                        share.workspace(),
                        share.asset(),
                        share.partner(),
                        share.person(),
                        UsageTable.Action.SHARE_OPEN,
                        row.file() == null ? 0 : row.file().version(),
                        now);
            }
            AssetView asset = row.view(now);
            Download file = row.file() == null
                    ? null
                    : new Download(
                            row.file().fileName(),
                            row.file().contentType(),
                            row.file().sizeBytes(),
                            store.get(row.storageKey()),
                            FileInspector.shownInPlace(row.file().contentType()));
            return new Shared(asset, asset.body() == null ? "" : RichText.forPage(asset.body()), file);
        });
    }
}
