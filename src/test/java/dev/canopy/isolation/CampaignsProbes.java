package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.canopy.campaigns.CampaignFixtures;
import dev.canopy.campaigns.CampaignView;
import dev.canopy.campaigns.Campaigns;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Campaigns: B's sent campaign (with its recipients) and B's draft are never read, previewed, test-sent, changed,
 * sent, scheduled, switched on or stopped by A's staff or A's key, and never on A's campaign pages or lists.
 */
class CampaignsProbes implements ModuleProbes {

    private static final String APP = "/app/campaigns/";
    private static final String API = "/api/v1/campaigns/";

    private final ApplicationContext context;
    private CampaignView sent;
    private CampaignView draft;

    CampaignsProbes(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prepare(Fixtures.Tenant victim, Attacker a) {
        CampaignFixtures f = new CampaignFixtures(context);
        ProgramView program = f.deals().program(victim);
        f.deals().member(victim, program);
        sent = f.sent(victim, CampaignFixtures.toProgram("Victim campaign news", program));
        draft = f.draft(victim, CampaignFixtures.toProgram("Victim campaign draft", program));
        // Touch the service once as B, so a probe failing is A's doing, not a broken draft.
        f.deals().asStaff(victim, () -> context.getBean(Campaigns.class).get(draft.id()));
    }

    @Override
    public List<Probe> probes() {
        UUID d = draft.id();
        UUID s = sent.id();
        String body = "{\"name\":\"Hijacked\",\"subject\":\"Hijacked\",\"body\":\"Hijacked\"}";
        return List.of(
                new Probe("/app/campaigns/{id}", get(APP + s)),
                new Probe(
                        "/app/campaigns/{id}",
                        post(APP + d).param("name", "Hijacked").param("subject", "Hijacked")),
                new Probe("/app/campaigns/{id}/preview", get(APP + d + "/preview")),
                new Probe("/app/campaigns/{id}/test", post(APP + d + "/test").param("address", "attacker@example.com")),
                new Probe("/app/campaigns/{id}/send", post(APP + d + "/send")),
                new Probe(
                        "/app/campaigns/{id}/schedule",
                        post(APP + d + "/schedule").param("sendAt", "2099-01-01T09:00")),
                new Probe("/app/campaigns/{id}/unschedule", post(APP + d + "/unschedule")),
                new Probe("/app/campaigns/{id}/activate", post(APP + d + "/activate")),
                new Probe("/app/campaigns/{id}/stop", post(APP + s + "/stop")),
                new Probe("/api/v1/campaigns/{id}", get(API + s)),
                new Probe("/api/v1/campaigns/{id}", json(put(API + d), body)),
                new Probe("/api/v1/campaigns/{id}/send", json(post(API + d + "/send"), "{}")),
                new Probe("/api/v1/campaigns/{id}/activate", post(API + d + "/activate")),
                new Probe("/api/v1/campaigns/{id}/stop", post(API + s + "/stop")),
                new Probe("/api/v1/campaigns/{id}/report", get(API + s + "/report")),
                new Probe("/api/v1/campaigns/{id}/recipients", get(API + s + "/recipients")));
    }

    @Override
    public List<String> secrets() {
        return List.of("Victim campaign news", "Victim campaign draft");
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(get("/app/campaigns"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/campaigns");
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
