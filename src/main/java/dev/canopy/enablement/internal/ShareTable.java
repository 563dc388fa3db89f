package dev.canopy.enablement.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners' share links: one token per asset and person, found again by the token alone (it is public). */
@Repository
public class ShareTable {

    /** Whose link a token is: its workspace, asset, partner and the person who shared it. */
    public record Share(WorkspaceId workspace, UUID asset, PartnerId partner, UsageTable.Person person) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;

    ShareTable(JdbcClient db) {
        this.db = db;
    }

    /** The person's link to the asset, made on first ask (128 random bits, URL-safe). */
    public String tokenFor(
            WorkspaceId workspace, UUID asset, PartnerId partner, UsageTable.Person person, Instant now) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        db.sql("""
                        insert into enablement_share (token, workspace_id, asset_id, partner_id, person, person_id,
                                                      created_at)
                        values (:token, :workspace, :asset, :partner, :person, :personId, :at)
                        on conflict (workspace_id, asset_id, partner_id, person_id) do nothing
                        """)
                .param("token", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                .param("workspace", workspace.value())
                .param("asset", asset)
                .param("partner", partner.value())
                .param("person", person.name())
                .param("personId", person.id())
                .param("at", Timestamp.from(now))
                .update();
        return db.sql("""
                        select token from enablement_share
                        where workspace_id = :workspace and asset_id = :asset and partner_id = :partner
                          and person_id = :personId
                        """)
                .param("workspace", workspace.value())
                .param("asset", asset)
                .param("partner", partner.value())
                .param("personId", person.id())
                .query(String.class)
                .single();
    }

    public Optional<Share> find(String token) {
        return db.sql("select workspace_id, asset_id, partner_id, person, person_id from enablement_share"
                        + " where token = :token")
                .param("token", token)
                .query((rs, n) -> new Share(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getObject("asset_id", UUID.class),
                        new PartnerId(rs.getObject("partner_id", UUID.class)),
                        new UsageTable.Person(rs.getString("person"), rs.getObject("person_id", UUID.class))))
                .optional();
    }
}
