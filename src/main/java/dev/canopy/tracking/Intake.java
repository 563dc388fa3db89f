package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.ClickIds;
import dev.canopy.tracking.internal.ClickTable;
import dev.canopy.tracking.internal.EventInput;
import dev.canopy.tracking.internal.IntakeProcessor;
import dev.canopy.tracking.internal.LinkSlugs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Where Canopy learns that a partner brought a customer: leads, sales, refunds and churn from the events
 * API, the Stripe webhook and the website snippet. Each event is stored as received, deduplicated by its
 * id, attributed by {@code AttributionPolicy}, and published as {@link ConversionAttributed}.
 */
@Service
public class Intake {

    // A click a second old may still be in a node's write queue; a lead reported that fast waits for it.
    private static final Duration FRESH_CLICK = Duration.ofMinutes(1);
    private static final Duration CLICK_WAIT = Duration.ofSeconds(3);

    private final IntakeProcessor processor;
    private final ClickTable clicks;
    private final LinkSlugs slugs;
    private final Clock clock;

    Intake(IntakeProcessor processor, ClickTable clicks, LinkSlugs slugs, Clock clock) {
        this.processor = processor;
        this.clicks = clicks;
        this.slugs = slugs;
        this.clock = clock;
    }

    public IntakeOutcome receive(WorkspaceId workspace, IncomingEvent event) {
        if (event.clickId() != null) {
            awaitFreshClick(workspace, event.clickId());
        }
        return processor.process(workspace, event);
    }

    /**
     * A prospect asked one partner to get in touch (the public partner directory's contact form): a lead named by
     * the partner's ref (made the first time it is needed), so the attribution policy gives it to that partner
     * unless stronger evidence names another. {@code externalId} is the form's own token: the form sent twice is
     * one lead. Call it acting in {@code workspace}.
     */
    public IntakeOutcome leadFor(
            WorkspaceId workspace, PartnerId partner, String externalId, String email, String name, String payload) {
        return leadFor(workspace, partner, externalId, email, name, null, payload);
    }

    /**
     * As {@link #leadFor(WorkspaceId, PartnerId, String, String, String, String)}, with the click of the partner's
     * link the prospect arrived through (a partner's landing page keeps it from the link's redirect): the lead is
     * attributed with that click as its evidence, and by the partner's ref when the click is unknown or null.
     */
    public IntakeOutcome leadFor(
            WorkspaceId workspace,
            PartnerId partner,
            String externalId,
            String email,
            String name,
            @Nullable String clickId,
            String payload) {
        EventInput lead = new EventInput(
                externalId,
                null,
                email,
                name,
                null,
                clickId,
                slugs.refFor(workspace, partner),
                null,
                null,
                null,
                null,
                null,
                false,
                null);
        return receive(workspace, lead.toEvent(EventSource.SNIPPET, ConversionKind.LEAD, payload, clock));
    }

    private void awaitFreshClick(WorkspaceId workspace, String clickId) {
        Optional<UUID> id = ClickIds.parse(clickId).filter(c -> c.version() == 7);
        if (id.isEmpty()) {
            return;
        }
        Instant clickedAt = Instant.ofEpochMilli(id.get().getMostSignificantBits() >>> 16);
        Instant now = clock.instant();
        if (clickedAt.isBefore(now.minus(FRESH_CLICK)) || clickedAt.isAfter(now.plus(FRESH_CLICK))) {
            return;
        }
        long deadline = System.nanoTime() + CLICK_WAIT.toNanos();
        while (clicks.find(workspace, id.get()).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
