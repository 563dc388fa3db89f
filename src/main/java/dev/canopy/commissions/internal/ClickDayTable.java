package dev.canopy.commissions.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The programmes that have click rules, and the days whose clicks were counted (each claimed once). */
@Repository
public class ClickDayTable {

    /** A programme with click rules: when its first was made, and whether one is on. */
    public record ClickProgram(ProgramId program, Instant since, boolean active) {}

    private final JdbcClient db;

    ClickDayTable(JdbcClient db) {
        this.db = db;
    }

    public List<WorkspaceId> workspaces() {
        return db.sql("select distinct workspace_id from commissions_rule where event = 'CLICK'")
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class)))
                .list();
    }

    public List<ClickProgram> programs(WorkspaceId workspace) {
        return db.sql("""
                        select program_id, min(created_at), bool_or(active) from commissions_rule
                        where workspace_id = ? and event = 'CLICK' group by program_id
                        """)
                .param(workspace.value())
                .query((rs, n) -> new ClickProgram(
                        new ProgramId(rs.getObject(1, UUID.class)),
                        rs.getTimestamp(2).toInstant(),
                        rs.getBoolean(3)))
                .list();
    }

    /** The programme's days from {@code from} on that were counted already. */
    public Set<LocalDate> counted(WorkspaceId workspace, ProgramId program, LocalDate from) {
        return new HashSet<>(
                db.sql("select day from commissions_click_day where workspace_id = ? and program_id = ? and day >= ?")
                        .params(workspace.value(), program.value(), from)
                        .query(LocalDate.class)
                        .list());
    }

    /** The programme's days from {@code from} on that were counted while a click rule was on. */
    public Set<LocalDate> countedWhileOn(WorkspaceId workspace, ProgramId program, LocalDate from) {
        return new HashSet<>(db.sql("""
                        select day from commissions_click_day
                        where workspace_id = ? and program_id = ? and day >= ? and clicks is not null
                        """)
                .params(workspace.value(), program.value(), from)
                .query(LocalDate.class)
                .list());
    }

    /** A partner's day, and how many of its valid clicks were paid. */
    public record Paid(PartnerId partner, LocalDate day, long clicks) {}

    public List<Paid> paid(WorkspaceId workspace, ProgramId program, LocalDate from) {
        return db.sql("""
                        select partner_id, day, clicks from commissions_click_paid
                        where workspace_id = ? and program_id = ? and day >= ?
                        """)
                .params(workspace.value(), program.value(), from)
                .query((rs, n) -> new Paid(
                        new PartnerId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class), rs.getLong(3)))
                .list();
    }

    /**
     * Moves a partner's day from {@code before} paid clicks (0: none yet) to {@code after}; false when another
     * node moved it first, so that each click is paid by one node only.
     */
    public boolean pay(
            WorkspaceId workspace, ProgramId program, PartnerId partner, LocalDate day, long before, long after) {
        String sql = before == 0 ? """
                        insert into commissions_click_paid (workspace_id, program_id, partner_id, day, clicks)
                        values (:workspace, :program, :partner, :day, :after) on conflict do nothing
                        """ : """
                        update commissions_click_paid set clicks = :after
                        where workspace_id = :workspace and program_id = :program and partner_id = :partner
                          and day = :day and clicks = :before
                        """;
        return db.sql(sql)
                        .param("workspace", workspace.value())
                        .param("program", program.value())
                        .param("partner", partner.value())
                        .param("day", day)
                        .param("after", after)
                        .param("before", before)
                        .update()
                == 1;
    }

    /**
     * Claims the days with their click totals (null: not counted, no click rule was on); answers the days
     * this call claimed. A node that claims a day another has claimed in a transaction still open waits
     * for it, then finds the day taken.
     */
    public Set<LocalDate> claim(WorkspaceId workspace, ProgramId program, Map<LocalDate, Long> clicks, Instant now) {
        List<Map.Entry<LocalDate, Long>> days = List.copyOf(clicks.entrySet());
        return new HashSet<>(db.sql("""
                        insert into commissions_click_day (workspace_id, program_id, day, clicks, counted_at)
                        select ?, ?, d::date, c::bigint, ? from unnest(?::text[], ?::text[]) as t(d, c)
                        on conflict do nothing
                        returning day
                        """)
                .params(
                        workspace.value(),
                        program.value(),
                        Timestamp.from(now),
                        days.stream().map(e -> e.getKey().toString()).toArray(String[]::new),
                        days.stream()
                                .map(e -> e.getValue() == null
                                        ? null
                                        : e.getValue().toString())
                                .toArray(String[]::new))
                .query(LocalDate.class)
                .list());
    }
}
