package dev.canopy.isolation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.ApiKeyView;
import dev.canopy.identity.ApiKeys;
import dev.canopy.identity.Role;
import dev.canopy.identity.Team;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Identity: team, invitations, API keys, workspaces; the platform's mail sink. */
class IdentityProbes implements ModuleProbes {

    private final Fixtures fixtures;
    private final Team team;
    private final ApiKeys apiKeys;
    private final MailSink mail;

    private Fixtures.Tenant b;
    private UUID invitation;
    private String invited;
    private UUID member;
    private ApiKeyView key;
    private int mailIndex;

    IdentityProbes(ApplicationContext context) {
        this.fixtures = context.getBean(Fixtures.class);
        this.team = context.getBean(Team.class);
        this.apiKeys = context.getBean(ApiKeys.class);
        this.mail = context.getBean(MailSink.class);
    }

    @Override
    public void prepare(Fixtures.Tenant b, Attacker a) {
        this.b = b;
        invited = Fixtures.uniqueEmail("victim-invitee");
        invitation =
                fixtures.as(b.owner(), () -> team.invite(invited, "FINANCE").id());
        member = fixtures.member(b, Role.SALES).accountId();
        key = fixtures.as(b.owner(), () -> apiKeys.create("B's billing", ApiKeyScope.READ_WRITE))
                .key();
        mailIndex = mail.messagesFor(b.id()).getFirst().index();
    }

    @Override
    public List<Probe> probes() {
        return List.of(
                new Probe("/app/team/invitations/{id}/resend", post("/app/team/invitations/" + invitation + "/resend")),
                new Probe("/app/team/invitations/{id}/revoke", post("/app/team/invitations/" + invitation + "/revoke")),
                new Probe(
                        "/app/team/members/{accountId}/role",
                        post("/app/team/members/" + member + "/role").param("role", "ADMIN")),
                new Probe("/app/team/members/{accountId}/remove", post("/app/team/members/" + member + "/remove")),
                new Probe("/app/api-keys/{id}/revoke", post("/app/api-keys/" + key.id() + "/revoke")),
                new Probe("/app/workspaces/{id}/switch", post("/app/workspaces/" + b.id() + "/switch")),
                new Probe("/app/mail/{index}", get("/app/mail/" + mailIndex)),
                new Probe("/api/v1/invitations/{id}", get("/api/v1/invitations/" + invitation)),
                new Probe("/api/v1/invitations/{id}", delete("/api/v1/invitations/" + invitation)));
    }

    @Override
    public List<String> secrets() {
        return List.of(b.owner().email(), invited, key.prefix(), b.slug());
    }

    @Override
    public List<MockHttpServletRequestBuilder> consolePages() {
        return List.of(
                get("/app"),
                get("/app/team"),
                get("/app/api-keys"),
                get("/app/audit"),
                get("/app/mail"),
                get("/app/settings"));
    }

    @Override
    public List<String> apiLists() {
        return List.of("/api/v1/workspace", "/api/v1/members", "/api/v1/invitations", "/api/v1/audit-events");
    }
}
