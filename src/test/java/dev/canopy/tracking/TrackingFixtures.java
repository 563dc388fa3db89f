package dev.canopy.tracking;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickIds;
import dev.canopy.tracking.internal.ClickTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A workspace ready to track: an allowed domain, a programme, a partner in it with a link, an API key. */
public class TrackingFixtures {

    public static final String SHOP = "shop.example";

    /** Everything a tracking scenario starts from. */
    public record Setup(Fixtures.Tenant tenant, ProgramView program, PartnerId partner, LinkView link, String apiKey) {}

    private final Fixtures fixtures;
    private final ProgramFixtures programs;
    private final Links links;
    private final TrackingSettings settings;
    private final JdbcClient db;
    private final ClickTable clickTable;

    /** A click on a link, partner and programme made up for it: for the click writer's and table's own tests. */
    public static Click click(WorkspaceId workspace, Instant at, String visitor, String agent, String referrer) {
        return new Click(
                ClickIds.next(at.toEpochMilli()),
                workspace,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                at,
                visitor,
                "203.0.113.0",
                agent,
                referrer,
                null);
    }

    public TrackingFixtures(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.programs = new ProgramFixtures(context);
        this.links = context.getBean(Links.class);
        this.settings = context.getBean(TrackingSettings.class);
        this.db = context.getBean(JdbcClient.class);
        this.clickTable = context.getBean(ClickTable.class);
    }

    public Setup setup() {
        return setupIn(fixtures.newWorkspace());
    }

    /** Tracking set up in an existing workspace. */
    public Setup setupIn(Fixtures.Tenant tenant) {
        fixtures.as(tenant.owner(), () -> settings.allowDomain(SHOP));
        ProgramView program = programs.program(
                tenant, "Referral " + Fixtures.unique("p"), PartnerType.REFERRAL, PartnerType.RESELLER);
        PartnerId partner = partner(tenant, program, "Bluebird " + Fixtures.unique("b"));
        LinkView link = link(tenant, partner, program, "https://www." + SHOP + "/pricing?plan=pro");
        return new Setup(tenant, program, partner, link, fixtures.apiKey(tenant, ApiKeyScope.READ_WRITE));
    }

    public PartnerId partner(Fixtures.Tenant tenant, ProgramView program, String name) {
        PartnerId partner = programs.partner(tenant, name);
        programs.enrol(tenant, program.id(), partner);
        return partner;
    }

    public LinkView link(Fixtures.Tenant tenant, PartnerId partner, ProgramView program, String destination) {
        return fixtures.as(
                tenant.owner(),
                () -> links.create(new LinkDraft(
                        partner.value().toString(),
                        program.id().value().toString(),
                        Fixtures.unique("l").toLowerCase(java.util.Locale.ROOT),
                        destination,
                        "partner",
                        "referral",
                        null,
                        null,
                        null)));
    }

    public String stripeSecret(Fixtures.Tenant tenant) {
        String secret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        fixtures.as(tenant.owner(), () -> settings.addStripeSecret(secret));
        return secret;
    }

    /** Waits for the click writer to store the click (it writes in the background). */
    public void awaitStored(UUID click) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> db.sql("select count(*) from tracking_click where id = ?")
                                .param(click)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    /** A person clicks the setup's link (through the real redirect filter); the click id, once stored. */
    public UUID click(MockMvc mvc, Setup setup) throws Exception {
        String location = mvc.perform(
                        get("/r/" + setup.tenant().slug() + "/" + setup.link().slug())
                                .header("User-Agent", "Mozilla/5.0 (Macintosh) Safari/605.1 " + UUID.randomUUID()))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        UUID click = UUID.fromString(location.replaceFirst(".*[?&]cnp_click=([^&#]+).*", "$1"));
        awaitStored(click);
        return click;
    }

    /** People's clicks on {@code link} at {@code times}, stored as the click writer stores them. */
    public void clicksAt(Fixtures.Tenant tenant, LinkView link, List<Instant> times) {
        List<Click> batch = new ArrayList<>();
        for (Instant at : times) {
            batch.add(new Click(
                    UUID.randomUUID(),
                    tenant.id(),
                    link.id().value(),
                    link.partner().value(),
                    link.program().value(),
                    at,
                    "v" + batch.size(),
                    "203.0.113.9",
                    "Mozilla/5.0 Firefox/140.0",
                    null,
                    null));
        }
        clickTable.insert(batch);
    }

    public long rows(String table, Fixtures.Tenant tenant) {
        return fixtures.count(table, tenant.id());
    }
}
