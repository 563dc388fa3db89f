package dev.canopy.tracking.internal;

import dev.canopy.identity.Workspaces;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.EventSource;
import dev.canopy.tracking.Intake;
import dev.canopy.tracking.LinkDraft;
import dev.canopy.tracking.LinkView;
import dev.canopy.tracking.Links;
import dev.canopy.tracking.TrackingSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo workspace's tracking: northwind.example as the allowed domain, a Stripe signing secret, the
 * personal link of every programme member with a month of clicks, a coupon, and leads, sales and a
 * refund through the real intake, so the customers, events and links pages have something to show.
 * Loaded once, after the programmes.
 */
@Component
@Order(400)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoTracking implements ApplicationRunner {

    private static final Actor DEMO = new Actor(Actor.Kind.SYSTEM, "demo", "Demo data");

    /** The signing secret of the demo's Stripe endpoint (the README shows how to sign a test event). */
    static final String DEMO_STRIPE_SECRET = "whsec_canopydemo0000000000000000";

    private final Workspaces workspaces;
    private final TrackingSettings settings;
    private final Links links;
    private final Memberships memberships;
    private final ClickTable clicks;
    private final Intake intake;
    private final JsonMapper json;
    private final Clock clock;

    DemoTracking(
            Workspaces workspaces,
            TrackingSettings settings,
            Links links,
            Memberships memberships,
            ClickTable clicks,
            Intake intake,
            JsonMapper json,
            Clock clock) {
        this.workspaces = workspaces;
        this.settings = settings;
        this.links = links;
        this.memberships = memberships;
        this.clicks = clicks;
        this.intake = intake;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace = workspaces.bySlug("northwind").orElseThrow().id();
        AsSystem.in(workspace, DEMO, () -> {
            if (settings.allowedDomains().isEmpty()) {
                load(workspace);
            }
            return null;
        });
    }

    private void load(WorkspaceId workspace) {
        settings.allowDomain("northwind.example");
        settings.addStripeSecret(DEMO_STRIPE_SECRET);
        Random random = new Random(42);
        Instant now = clock.instant();
        List<LinkView> made = new ArrayList<>();
        for (MembershipView member : memberships.list(null, null)) {
            // The partner's personal link, as the portal would make it, sent to the pricing page.
            LinkView personal = links.personalLinks(member.partnerId()).stream()
                    .filter(l -> l.program().equals(member.programId()))
                    .findFirst()
                    .orElseThrow();
            LinkView link = links.update(
                    personal.id(),
                    new LinkDraft(
                            null,
                            null,
                            personal.slug(),
                            "https://www.northwind.example/pricing",
                            "partner",
                            "referral",
                            null,
                            null,
                            null));
            made.add(link);
            List<Click> month = new ArrayList<>();
            int count = 20 + random.nextInt(60);
            for (int i = 0; i < count; i++) {
                Instant at = now.minus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
                month.add(new Click(
                        ClickIds.next(at.toEpochMilli()),
                        workspace,
                        link.id().value(),
                        member.partnerId().value(),
                        member.programId().value(),
                        at,
                        Long.toHexString(random.nextLong()),
                        "198.51.100.0",
                        "Mozilla/5.0 (demo)",
                        i % 3 == 0 ? "https://www.linkedin.com/" : null,
                        null));
            }
            clicks.insert(month);
        }
        LinkView integrately = made.stream()
                .filter(l -> l.partnerName().equals("Integrately"))
                .findFirst()
                .orElse(made.getFirst());
        LinkView bluebird = made.stream()
                .filter(l -> l.partnerName().equals("Bluebird Consulting"))
                .findFirst()
                .orElse(made.getFirst());
        settings.addCoupon(
                "INTEGRATELY20",
                integrately.partner().value().toString(),
                integrately.program().value().toString());
        UUID c1 = demoClick(workspace, integrately, now.minus(Duration.ofDays(20)));
        UUID c2 = demoClick(workspace, integrately, now.minus(Duration.ofDays(12)));
        UUID c3 = demoClick(workspace, bluebird, now.minus(Duration.ofDays(5)));
        lead(
                workspace,
                "demo-lead-1",
                "cus_demo_acme",
                "lena@acme-logistics.example",
                c1,
                now.minus(Duration.ofDays(19)));
        sale(workspace, "demo-sale-1", "cus_demo_acme", "in_demo_1", "12000", c1, null, now.minus(Duration.ofDays(18)));
        lead(
                workspace,
                "demo-lead-2",
                "cus_demo_fjord",
                "olav@fjordfreight.example",
                c2,
                now.minus(Duration.ofDays(11)));
        sale(workspace, "demo-sale-2", "cus_demo_fjord", "in_demo_2", "6000", c2, null, now.minus(Duration.ofDays(10)));
        sale(
                workspace,
                "demo-sale-3",
                "cus_demo_kite",
                "in_demo_3",
                "2400",
                null,
                "INTEGRATELY20",
                now.minus(Duration.ofDays(7)));
        refund(workspace, "demo-refund-1", "in_demo_3", "400", now.minus(Duration.ofDays(6)));
        lead(
                workspace,
                "demo-lead-3",
                "cus_demo_harbor",
                "mia@harbor-health.example",
                c3,
                now.minus(Duration.ofDays(4)));
        sale(
                workspace,
                "demo-sale-4",
                "cus_demo_direct",
                "in_demo_4",
                "900",
                null,
                null,
                now.minus(Duration.ofDays(2)));
    }

    private UUID demoClick(WorkspaceId workspace, LinkView link, Instant at) {
        UUID id = ClickIds.next(at.toEpochMilli());
        clicks.insert(List.of(new Click(
                id,
                workspace,
                link.id().value(),
                link.partner().value(),
                link.program().value(),
                at,
                UUID.randomUUID().toString().substring(0, 32),
                "203.0.113.0",
                "Mozilla/5.0 (demo)",
                null,
                null)));
        return id;
    }

    private void lead(WorkspaceId workspace, String id, String customer, String email, UUID click, Instant at) {
        send(
                workspace,
                ConversionKind.LEAD,
                new EventInput(
                        id,
                        customer,
                        email,
                        null,
                        null,
                        click.toString(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        at.toString()));
    }

    private void sale(
            WorkspaceId workspace,
            String id,
            String customer,
            String invoice,
            String amount,
            UUID click,
            String coupon,
            Instant at) {
        send(
                workspace,
                ConversionKind.SALE,
                new EventInput(
                        id,
                        customer,
                        null,
                        null,
                        null,
                        click == null ? null : click.toString(),
                        null,
                        coupon,
                        invoice,
                        amount,
                        "USD",
                        "Northwind Cloud Business",
                        true,
                        at.toString()));
    }

    private void refund(WorkspaceId workspace, String id, String invoice, String amount, Instant at) {
        send(
                workspace,
                ConversionKind.REFUND,
                new EventInput(
                        id,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        invoice,
                        amount,
                        "USD",
                        null,
                        false,
                        at.toString()));
    }

    /** Through the same checks and intake as the events API, with the body it would have received. */
    private void send(WorkspaceId workspace, ConversionKind kind, EventInput input) {
        intake.receive(workspace, input.toEvent(EventSource.API, kind, json.writeValueAsString(input), clock));
    }
}
