package dev.canopy.campaigns.internal;

import dev.canopy.campaigns.CampaignReport;
import dev.canopy.campaigns.RecipientStatus;
import dev.canopy.campaigns.RecipientView;
import dev.canopy.campaigns.SkipReason;
import dev.canopy.shared.WorkspaceId;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A campaign's recipients: one row per campaign and address (unique), made before anything is sent, so a second run
 * or a second node finds the row and mails no one again. Senders claim waiting rows with {@code skip locked}.
 */
@Repository
public class RecipientTable {

    /** Who a row is for; {@code skip} set when the row is made skipped. */
    public record NewRecipient(
            String address,
            @Nullable UUID partnerId,
            @Nullable UUID partnerUserId,
            String name,
            String partnerName,
            @Nullable SkipReason skip) {}

    /** A claimed row, with what its message needs. */
    public record Claimed(
            UUID id,
            String address,
            @Nullable UUID partnerId,
            @Nullable UUID partnerUserId,
            String name,
            String partnerName,
            String token,
            String messageId) {}

    /** A row found by its token (the unsubscribe link and the open pixel carry it). */
    public record ByToken(
            WorkspaceId workspace,
            UUID campaign,
            UUID id,
            String address,
            @Nullable UUID partnerUserId) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;

    RecipientTable(JdbcClient db) {
        this.db = db;
    }

    /** Adds the recipient unless the campaign has its address already; true when added. */
    public boolean add(WorkspaceId workspace, UUID campaign, NewRecipient r, String messageDomain, Instant now) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                        insert into campaigns_recipient (id, workspace_id, campaign_id, address, partner_id,
                            partner_user_id, name, partner_name, status, skip_reason, token, message_id, created_at)
                        values (:id, :workspace, :campaign, :address, :partner, :user, :name, :partnerName, :status,
                            :skip, :token, :messageId, :now)
                        on conflict (campaign_id, address) do nothing
                        """)
                        .param("id", id)
                        .param("workspace", workspace.value())
                        .param("campaign", campaign)
                        .param("address", r.address())
                        .param("partner", r.partnerId())
                        .param("user", r.partnerUserId())
                        .param("name", r.name())
                        .param("partnerName", r.partnerName())
                        .param("status", (r.skip() == null ? RecipientStatus.PENDING : RecipientStatus.SKIPPED).name())
                        .param("skip", r.skip() == null ? null : r.skip().name())
                        .param("token", token())
                        .param("messageId", "<" + id + "@" + messageDomain + ">")
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Skips the waiting rows whose address unsubscribed after the row was made. */
    public int skipUnsubscribed(WorkspaceId workspace, UUID campaign) {
        return db.sql("""
                        update campaigns_recipient r set status = 'SKIPPED', skip_reason = 'UNSUBSCRIBED'
                        where r.workspace_id = :workspace and r.campaign_id = :campaign and r.status = 'PENDING'
                          and exists (select 1 from campaigns_unsubscribe u
                                      where u.workspace_id = r.workspace_id and u.address = r.address)
                        """)
                .param("workspace", workspace.value())
                .param("campaign", campaign)
                .update();
    }

    /**
     * Claims up to {@code limit} waiting rows for this sender, committed as SENDING before any is mailed: a row is
     * mailed at most once even if the sender dies halfway (it then stays SENDING until {@link #abandon} fails it).
     */
    public List<Claimed> claim(WorkspaceId workspace, UUID campaign, int limit, Instant now) {
        return db.sql("""
                        update campaigns_recipient set status = 'SENDING', sent_at = :now
                        where id in (select id from campaigns_recipient
                                     where workspace_id = :workspace and campaign_id = :campaign and status = 'PENDING'
                                     order by created_at, id limit :limit for update skip locked)
                        returning id, address, partner_id, partner_user_id, name, partner_name, token, message_id
                        """)
                .param("workspace", workspace.value())
                .param("campaign", campaign)
                .param("limit", limit)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getString("address"),
                        rs.getObject("partner_id", UUID.class),
                        rs.getObject("partner_user_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("partner_name"),
                        rs.getString("token"),
                        rs.getString("message_id")))
                .list();
    }

    public void sent(UUID id, Instant now) {
        db.sql("update campaigns_recipient set status = 'SENT', sent_at = :now where id = :id and status = 'SENDING'")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void failed(UUID id, String error) {
        db.sql("""
                        update campaigns_recipient set status = 'FAILED', sent_at = null, error = :error
                        where id = :id and status = 'SENDING'
                        """)
                .param("id", id)
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .update();
    }

    /** Rows a sender claimed and never finished (it stopped): failed, never retried, so never mailed twice. */
    public int abandon(Instant claimedBefore) {
        return db.sql("""
                        update campaigns_recipient set status = 'FAILED', sent_at = null,
                            error = 'The sender stopped while sending: not retried, so never mailed twice'
                        where status = 'SENDING' and sent_at < :before
                        """).param("before", Timestamp.from(claimedBefore)).update();
    }

    /** Marks the row with this Message-ID, or the latest sent to this address, bounced; answers its campaign. */
    public Optional<UUID> bounce(
            WorkspaceId workspace, @Nullable String messageId, @Nullable String address, Instant now) {
        return db.sql("""
                        update campaigns_recipient set status = 'BOUNCED', bounced_at = :now
                        where id = (select id from campaigns_recipient
                                    where workspace_id = :workspace and status in ('SENT', 'OPENED')
                                      and (message_id = :messageId or address = :address)
                                    order by sent_at desc limit 1)
                        returning campaign_id
                        """)
                .param("workspace", workspace.value())
                .param("messageId", messageId == null ? "" : messageId)
                .param("address", address == null ? "" : address)
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional();
    }

    /** Records an open of a sent message (a bounced or skipped row stays as it is); true when it was the first. */
    public boolean opened(String token, Instant at) {
        return db.sql("""
                        update campaigns_recipient set status = 'OPENED', opened_at = :at
                        where token = :token and status = 'SENT'
                        """).param("token", token).param("at", Timestamp.from(at)).update() == 1;
    }

    /** The tokens of a campaign's sent messages (the demo opens some). */
    public List<String> sentTokens(WorkspaceId workspace, UUID campaign) {
        return db.sql("""
                        select token from campaigns_recipient
                        where workspace_id = :workspace and campaign_id = :campaign and status = 'SENT'
                        order by address
                        """)
                .param("workspace", workspace.value())
                .param("campaign", campaign)
                .query(String.class)
                .list();
    }

    public Optional<ByToken> byToken(String token) {
        return db.sql("""
                        select workspace_id, campaign_id, id, address, partner_user_id from campaigns_recipient
                        where token = :token
                        """)
                .param("token", token)
                .query((rs, n) -> new ByToken(
                        new WorkspaceId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getObject(5, UUID.class)))
                .optional();
    }

    public List<RecipientView> list(WorkspaceId workspace, UUID campaign) {
        return db.sql("""
                        select id, address, name, partner_id, partner_name, status, skip_reason, error, sent_at,
                            opened_at, bounced_at
                        from campaigns_recipient where workspace_id = :workspace and campaign_id = :campaign
                        order by partner_name, address
                        """)
                .param("workspace", workspace.value())
                .param("campaign", campaign)
                .query(RecipientTable::view)
                .list();
    }

    public CampaignReport report(WorkspaceId workspace, UUID campaign) {
        return db.sql("""
                        select count(*),
                            count(*) filter (where r.status in ('PENDING', 'SENDING')),
                            count(*) filter (where r.status in ('SENT', 'OPENED', 'BOUNCED')),
                            count(*) filter (where r.status = 'FAILED'),
                            count(*) filter (where r.skip_reason = 'UNSUBSCRIBED'),
                            count(*) filter (where r.skip_reason = 'PREFERENCE'),
                            count(*) filter (where r.skip_reason = 'NO_ADDRESS'),
                            count(*) filter (where r.status = 'BOUNCED'),
                            count(*) filter (where r.opened_at is not null),
                            count(*) filter (where exists (select 1 from campaigns_unsubscribe u
                                                           where u.workspace_id = r.workspace_id
                                                             and u.recipient_id = r.id))
                        from campaigns_recipient r where r.workspace_id = :workspace and r.campaign_id = :campaign
                        """)
                .param("workspace", workspace.value())
                .param("campaign", campaign)
                .query((rs, n) -> new CampaignReport(
                        campaign,
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getInt(10)))
                .single();
    }

    private static RecipientView view(ResultSet rs, int n) throws SQLException {
        String skip = rs.getString("skip_reason");
        return new RecipientView(
                rs.getObject("id", UUID.class),
                rs.getString("address"),
                rs.getString("name"),
                rs.getObject("partner_id", UUID.class),
                rs.getString("partner_name"),
                RecipientStatus.valueOf(rs.getString("status")),
                skip == null ? null : SkipReason.valueOf(skip),
                rs.getString("error"),
                CampaignRows.instant(rs.getTimestamp("sent_at")),
                CampaignRows.instant(rs.getTimestamp("opened_at")),
                CampaignRows.instant(rs.getTimestamp("bounced_at")));
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
