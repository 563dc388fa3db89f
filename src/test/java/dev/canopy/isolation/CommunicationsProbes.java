package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.canopy.communications.AnnouncementView;
import dev.canopy.communications.Announcements;
import dev.canopy.communications.CommunicationsFixtures;
import dev.canopy.deals.DealFixtures;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Communications: B's announcements (one published, one a draft) and B's partner user's notification, never read,
 * changed, published, archived, read-receipted or marked read by A's staff, key or partner user, and never on A's
 * lists, portal pages or bell.
 */
class CommunicationsProbes implements ModuleProbes {

    private static final String API = "/api/v1/announcements/";

    private final ApplicationContext context;
    private AnnouncementView published;
    private AnnouncementView draft;
    private UUID notification;

    CommunicationsProbes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prepare(Fixtures.Tenant victim, Attacker a) {
        CommunicationsFixtures f = new CommunicationsFixtures(context);
        DealFixtures.Member member = f.partnerIn(victim, "EMEA");
        published = f.published(victim, CommunicationsFixtures.toRegion("Victim price list", "EMEA"));
        Announcements announcements = context.getBean(Announcements.class);
        draft = context.getBean(Fixtures.class)
                .as(
                        victim.owner(),
                        () -> announcements.create(CommunicationsFixtures.toRegion("Victim secret launch", "EMEA")));
        notification = context.getBean(JdbcClient.class)
                .sql("select id from communications_notification where partner_user_id = ?")
                .param(f.userId(member.email()))
                .query(UUID.class)
                .single();
    }

    @Override
    public List<Probe> probes() {
        String app = "/app/announcements/";
        String body = """
                {"title":"Hijacked","body":"Hijacked"}""";
        return List.of(
                new Probe("/app/announcements/{id}", get(app + published.id())),
                new Probe(
                        "/app/announcements/{id}",
                        post(app + published.id())
                                .param("title", "Hijacked")
                                .param("body", "Hijacked")
                                .param("match", "ALL")),
                new Probe("/app/announcements/{id}/publish", post(app + draft.id() + "/publish")),
                new Probe("/app/announcements/{id}/archive", post(app + published.id() + "/archive")),
                new Probe("/portal/announcements/{id}", get("/portal/announcements/" + published.id())),
                new Probe("/portal/announcements/{id}/read", post("/portal/announcements/" + published.id() + "/read")),
                new Probe("/portal/notifications/{id}/read", post("/portal/notifications/" + notification + "/read")),
                new Probe("/api/v1/announcements/{id}", get(API + published.id())),
                new Probe("/api/v1/announcements/{id}", json(put(API + published.id()), body)),
                new Probe("/api/v1/announcements/{id}/publish", post(API + draft.id() + "/publish")),
                new Probe("/api/v1/announcements/{id}/archive", post(API + published.id() + "/archive")),
                new Probe("/api/v1/announcements/{id}/receipts", get(API + published.id() + "/receipts")));
    }

    @Override
    public List<String> secrets() {
        return List.of("Victim price list", "Victim secret launch");
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(get("/app/announcements"), get("/app/announcements?archived=true"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/announcements", "/api/v1/announcements?archived=true");
    }

    @Override
    public List<MockHttpServletRequestBuilder> portalPages() {
        return List.of(get("/portal/announcements"), get("/portal/notifications"), get("/portal"));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
