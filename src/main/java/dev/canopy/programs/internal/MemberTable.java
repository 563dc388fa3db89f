package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MemberTable {

    /** A member's tier standing, as tier evaluation reads and writes it. */
    public record Member(PartnerId partner, TierPolicy.Standing standing) {}

    private static final String SELECT = """
            select m.*, p.name as program_name, t.name as tier_name,
                   coalesce((select max(v.version) from programs_terms_version v where v.program_id = m.program_id), 0)
                       as current_version,
                   acc.version as accepted_version, acc.accepted_at
            from programs_membership m
            join programs_program p on p.id = m.program_id
            left join programs_tier t on t.id = m.tier_id
            left join lateral (select a.version, a.accepted_at from programs_terms_acceptance a
                               where a.program_id = m.program_id and a.partner_id = m.partner_id
                               order by a.version desc limit 1) acc on true
            """;

    private final JdbcClient db;

    MemberTable(JdbcClient db) {
        this.db = db;
    }

    /** False when the partner is a member already. */
    public boolean insert(WorkspaceId workspace, ProgramId program, PartnerId partner, Instant now) {
        return insert(workspace, program, partner, null, now);
    }

    /** Adds a member at {@code tier} (null: none until evaluated); false when the partner is a member already. */
    public boolean insert(WorkspaceId workspace, ProgramId program, PartnerId partner, UUID tier, Instant now) {
        return db.sql("""
                        insert into programs_membership (workspace_id, program_id, partner_id, joined_at, tier_id,
                                                         tier_since)
                        values (?, ?, ?, ?, ?, case when ?::uuid is not null then ?::timestamptz end)
                        on conflict do nothing
                        """)
                        .params(
                                workspace.value(),
                                program.value(),
                                partner.value(),
                                Rows.ts(now),
                                tier,
                                tier,
                                Rows.ts(now))
                        .update()
                == 1;
    }

    /** Adds the partners not members yet, each at its tier (null: none); the others stay as they are. */
    public void insertAll(
            WorkspaceId workspace, ProgramId program, List<PartnerId> partners, List<UUID> tiers, Instant now) {
        db.sql("""
                        insert into programs_membership (workspace_id, program_id, partner_id, joined_at, tier_id,
                                                         tier_since)
                        select ?, ?, m.partner_id, ?, m.tier_id, case when m.tier_id is not null then ?::timestamptz end
                        from unnest(?::uuid[], ?::uuid[]) as m(partner_id, tier_id)
                        on conflict do nothing
                        """)
                .params(
                        workspace.value(),
                        program.value(),
                        Rows.ts(now),
                        Rows.ts(now),
                        partners.stream().map(PartnerId::value).toArray(UUID[]::new),
                        tiers.toArray(UUID[]::new))
                .update();
    }

    /** Memberships, optionally of one programme and/or one partner; partner names are left for the caller. */
    public List<MembershipView> list(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where m.workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspace.value()));
        if (program != null) {
            sql.append(" and m.program_id = ?");
            params.add(program.value());
        }
        if (partner != null) {
            sql.append(" and m.partner_id = ?");
            params.add(partner.value());
        }
        sql.append(" order by p.name, m.joined_at, m.partner_id");
        return db.sql(sql.toString()).params(params).query(MemberTable::map).list();
    }

    public List<Member> members(WorkspaceId workspace, ProgramId program) {
        return db.sql("""
                        select partner_id, tier_id, below_since from programs_membership
                        where workspace_id = ? and program_id = ? order by partner_id
                        """)
                .params(workspace.value(), program.value())
                .query((rs, n) -> new Member(
                        new PartnerId(rs.getObject("partner_id", UUID.class)),
                        new TierPolicy.Standing(
                                rs.getObject("tier_id", UUID.class), Rows.instant(rs.getTimestamp("below_since")))))
                .list();
    }

    /** Records an evaluation; {@code tierSince} moves only when the tier did. */
    public void evaluated(
            WorkspaceId workspace,
            ProgramId program,
            PartnerId partner,
            TierPolicy.Standing standing,
            boolean moved,
            Instant now) {
        db.sql("""
                        update programs_membership
                        set tier_id = ?, below_since = ?, evaluated_at = ?,
                            tier_since = case when ? then ? else tier_since end
                        where workspace_id = ? and program_id = ? and partner_id = ?
                        """)
                .params(
                        standing.tierId(),
                        Rows.ts(standing.belowSince()),
                        Rows.ts(now),
                        moved,
                        Rows.ts(now),
                        workspace.value(),
                        program.value(),
                        partner.value())
                .update();
    }

    public Map<ProgramId, Integer> countByProgram(WorkspaceId workspace) {
        Map<ProgramId, Integer> counts = new HashMap<>();
        db.sql("select program_id, count(*) from programs_membership where workspace_id = ? group by program_id")
                .param(workspace.value())
                .query((rs, n) -> counts.put(new ProgramId(rs.getObject(1, UUID.class)), rs.getInt(2)))
                .list();
        return counts;
    }

    public boolean anyAtTier(WorkspaceId workspace, UUID tier) {
        return db.sql("select exists (select 1 from programs_membership where workspace_id = ? and tier_id = ?)")
                .params(workspace.value(), tier)
                .query(Boolean.class)
                .single();
    }

    private static MembershipView map(ResultSet rs, int row) throws SQLException {
        return new MembershipView(
                new ProgramId(rs.getObject("program_id", UUID.class)),
                rs.getString("program_name"),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                null,
                Rows.instant(rs.getTimestamp("joined_at")),
                rs.getObject("tier_id", UUID.class),
                rs.getString("tier_name"),
                Rows.instant(rs.getTimestamp("tier_since")),
                Rows.instant(rs.getTimestamp("below_since")),
                rs.getInt("current_version"),
                Rows.integer(rs, "accepted_version"),
                Rows.instant(rs.getTimestamp("accepted_at")));
    }
}
