package dev.canopy.enablement.internal;

import dev.canopy.enablement.AssetPublished;
import dev.canopy.enablement.AssetState;
import dev.canopy.enablement.AssetView;
import dev.canopy.enablement.Audience;
import dev.canopy.enablement.Audiences;
import dev.canopy.enablement.CoursePublished;
import dev.canopy.enablement.CourseView;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of Canopy (the partners' bells, webhooks) that content or a course reached the partners its
 * audience admits, with those partners as they stand now, in the transaction that published it.
 */
@Component
public class Releases {

    private final AssetTable assets;
    private final Audiences audiences;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Releases(AssetTable assets, Audiences audiences, ApplicationEventPublisher events, Clock clock) {
        this.assets = assets;
        this.audiences = audiences;
        this.events = events;
        this.clock = clock;
    }

    /**
     * An asset once it is live: as it is created, or when its publish date comes ({@link AssetRelease}); once,
     * whoever calls first.
     */
    public void asset(WorkspaceId workspace, AssetView asset) {
        Instant now = clock.instant();
        if (asset.state() == AssetState.LIVE && assets.markAnnounced(workspace, asset.id(), now)) {
            events.publishEvent(
                    new AssetPublished(workspace, asset.id(), asset.title(), admitted(asset.audience()), now));
        }
    }

    public void course(WorkspaceId workspace, CourseView course) {
        events.publishEvent(new CoursePublished(
                workspace, course.id(), course.title(), admitted(course.audience()), clock.instant()));
    }

    private Set<PartnerId> admitted(Audience audience) {
        return audiences.admitted(audience).stream().map(PartnerView::id).collect(Collectors.toSet());
    }
}
