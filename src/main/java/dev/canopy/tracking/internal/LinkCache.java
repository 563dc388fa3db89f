package dev.canopy.tracking.internal;

import dev.canopy.identity.WorkspaceView;
import dev.canopy.identity.Workspaces;
import dev.canopy.shared.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every link, in memory, by workspace address and slug: the redirect reads only this. Loaded in full at
 * start, then every couple of seconds only what changed (by the link version sequence), so a link edited
 * on another node is served here moments later; a change made on this node is loaded right after its
 * commit. When PostgreSQL is away the refresh fails quietly and the links already loaded keep working.
 */
@Component
public class LinkCache implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LinkCache.class);
    // A transaction that took its version number earlier may commit a little after a later one.
    private static final Duration LATE_COMMITS = Duration.ofSeconds(30);

    private final LinkTable links;
    private final Workspaces workspaces;
    private final Clock clock;
    private final long refreshMillis;
    private final Map<String, RedirectTarget> byAddress = new ConcurrentHashMap<>();
    private final Map<UUID, String> addressOfLink = new ConcurrentHashMap<>();
    private final Map<WorkspaceId, String> workspaceSlugs = new ConcurrentHashMap<>();
    private long lastVersion;
    private ScheduledExecutorService refresher;

    LinkCache(
            LinkTable links,
            Workspaces workspaces,
            Clock clock,
            @Value("${canopy.tracking.link-refresh-millis:2000}") long refreshMillis) {
        this.links = links;
        this.workspaces = workspaces;
        this.clock = clock;
        this.refreshMillis = refreshMillis;
    }

    public Optional<RedirectTarget> find(String workspaceSlug, String slug) {
        return Optional.ofNullable(byAddress.get(workspaceSlug + '/' + slug));
    }

    public int size() {
        return byAddress.size();
    }

    /** Loads the links changed since the last load; called on schedule and after each local change. */
    public synchronized void refresh() {
        var now = clock.instant();
        List<LinkTable.Cached> changed = links.changedSince(lastVersion, now.minus(LATE_COMMITS));
        for (LinkTable.Cached cached : changed) {
            Optional<String> workspace = workspaceSlug(cached.workspace());
            if (workspace.isEmpty()) {
                continue;
            }
            LinkTable.Row link = cached.link();
            String address = workspace.get() + '/' + link.slug();
            String previous = addressOfLink.put(link.id().value(), address);
            if (previous != null && !previous.equals(address)) {
                byAddress.remove(previous);
            }
            byAddress.put(address, target(cached));
            lastVersion = Math.max(lastVersion, cached.version());
        }
    }

    private static RedirectTarget target(LinkTable.Cached cached) {
        LinkTable.Row link = cached.link();
        Map<String, String> utm = new LinkedHashMap<>();
        utm.put("utm_source", link.utm().source());
        utm.put("utm_medium", link.utm().medium());
        utm.put("utm_campaign", link.utm().campaign());
        utm.put("utm_term", link.utm().term());
        utm.put("utm_content", link.utm().content());
        return RedirectTarget.of(
                link.id().value(),
                cached.workspace(),
                link.partner().value(),
                link.program().value(),
                cached.ref(),
                link.disabled(),
                URI.create(link.destination()),
                utm);
    }

    private Optional<String> workspaceSlug(WorkspaceId workspace) {
        String known = workspaceSlugs.get(workspace);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> slug = workspaces.byId(workspace).map(WorkspaceView::slug);
        slug.ifPresent(s -> workspaceSlugs.put(workspace, s));
        return slug;
    }

    @Override
    public void start() {
        refresh();
        refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("link-cache").daemon().factory());
        refresher.scheduleWithFixedDelay(this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
        log.info("Serving {} links from memory", byAddress.size());
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the links (serving the ones loaded): {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        refresher.shutdownNow();
    }

    /** Loaded before the web server starts taking requests, and kept until it has stopped. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 2_000;
    }

    @Override
    public boolean isRunning() {
        return refresher != null && !refresher.isShutdown();
    }
}
