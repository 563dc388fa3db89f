package dev.canopy.identity.internal;

import dev.canopy.identity.PartnerUserJoined;
import dev.canopy.identity.Workspaces;
import dev.canopy.platform.BaseUrl;
import dev.canopy.shared.WorkspaceId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs after every module's demo data: on the first start, partner users the demo invited get the demo
 * password, as if they had followed their invitation; the logins are printed at every start, at this Canopy's
 * address ({@code canopy.base-url}, which follows {@code server.port}).
 */
@Component
@Order(Integer.MAX_VALUE)
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoLogins implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLogins.class);

    private record Invited(UUID id, UUID partnerId, String email, String name) {}

    private final DemoWorkspace demo;
    private final Workspaces workspaces;
    private final JdbcClient db;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final BaseUrl baseUrl;

    DemoLogins(
            DemoWorkspace demo,
            Workspaces workspaces,
            JdbcClient db,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            BaseUrl baseUrl) {
        this.demo = demo;
        this.workspaces = workspaces;
        this.db = db;
        this.encoder = encoder;
        this.events = events;
        this.transactions = transactions;
        this.baseUrl = baseUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkspaceId workspace =
                workspaces.bySlug(DemoWorkspace.SLUG).orElseThrow().id();
        if (demo.loadedThisStart()) {
            transactions.executeWithoutResult(status -> joinInvitedPartnerUsers(workspace));
        }
        String console = baseUrl.link("/login");
        String portal = baseUrl.link("/portal/login");
        int width = Math.max(console.length(), portal.length()) + 2;
        String column = "%-" + width + "s";
        StringBuilder logins = new StringBuilder(
                "\n\n  Canopy demo is ready. Sign in with password '" + DemoWorkspace.PASSWORD + "':\n");
        logins.append("    console  ")
                .append(column.formatted(console))
                .append(DemoWorkspace.OWNER)
                .append(" (Owner)\n");
        DemoWorkspace.TEAM.forEach(p -> logins.append("             ")
                .append(column.formatted(""))
                .append(p.email())
                .append(" (")
                .append(p.role().label())
                .append(")\n"));
        db.sql("select email from identity_partner_user where workspace_id = ? and removed_at is null order by email")
                .param(workspace.value())
                .query(String.class)
                .list()
                .forEach(email -> logins.append("    portal   ")
                        .append(column.formatted(portal))
                        .append(email)
                        .append(" (partner user)\n"));
        logins.append("    mail     ").append(baseUrl.link("/app/mail")).append(" (as owner or admin)\n");
        log.info(logins.toString());
    }

    private void joinInvitedPartnerUsers(WorkspaceId workspace) {
        List<Invited> invited = db.sql("""
                        select id, partner_id, email, display_name from identity_partner_user
                        where workspace_id = ? and password_hash is null and removed_at is null
                        """)
                .param(workspace.value())
                .query((rs, n) -> new Invited(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)))
                .list();
        String hash = encoder.encode(DemoWorkspace.PASSWORD);
        for (Invited user : invited) {
            db.sql(
                            "update identity_partner_user set password_hash = ?, invitation_token_hash = null, invitation_expires_at = null where id = ?")
                    .params(hash, user.id())
                    .update();
            events.publishEvent(new PartnerUserJoined(workspace, user.partnerId(), user.id(), user.name()));
        }
    }
}
